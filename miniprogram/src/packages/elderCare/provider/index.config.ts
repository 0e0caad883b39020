export default definePageConfig({ navigationBarTitleText: '今日服务单', enablePullDownRefresh: true })
