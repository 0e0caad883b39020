export default definePageConfig({ navigationBarTitleText: '门前三包', enablePullDownRefresh: true })
