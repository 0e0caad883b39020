export default definePageConfig({ navigationBarTitleText: '五单公示', enablePullDownRefresh: true, enableShareAppMessage: true })
