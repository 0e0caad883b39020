export default definePageConfig({ navigationBarTitleText: '救助信息库', enablePullDownRefresh: true })
