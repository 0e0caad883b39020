export default definePageConfig({ navigationBarTitleText: '五单详情', enablePullDownRefresh: true, enableShareAppMessage: true })
