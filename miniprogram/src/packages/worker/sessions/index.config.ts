export default definePageConfig({ navigationBarTitleText: '说事会管理', enablePullDownRefresh: true })
