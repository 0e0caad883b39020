export default definePageConfig({ navigationBarTitleText: '说事详情', enablePullDownRefresh: true, enableShareAppMessage: true })
