export default definePageConfig({ navigationBarTitleText: '救助统计', enablePullDownRefresh: true })
