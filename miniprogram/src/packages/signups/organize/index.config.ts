export default definePageConfig({ navigationBarTitleText: '活动组织', enablePullDownRefresh: true })
