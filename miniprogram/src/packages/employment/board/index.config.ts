export default definePageConfig({ navigationBarTitleText: '就业援助', enablePullDownRefresh: true })
