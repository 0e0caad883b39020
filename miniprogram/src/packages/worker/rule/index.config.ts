export default definePageConfig({ navigationBarTitleText: '说事日规则', enablePullDownRefresh: true })
