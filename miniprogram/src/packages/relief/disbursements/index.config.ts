export default definePageConfig({ navigationBarTitleText: '资金发放', enablePullDownRefresh: true })
