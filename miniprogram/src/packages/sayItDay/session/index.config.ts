export default definePageConfig({ navigationBarTitleText: '说事会议程', enablePullDownRefresh: true, enableShareAppMessage: true })
