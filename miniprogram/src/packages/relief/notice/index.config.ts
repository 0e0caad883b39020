export default definePageConfig({ navigationBarTitleText: '低保公示', enablePullDownRefresh: true })
