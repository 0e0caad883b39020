export default definePageConfig({ navigationBarTitleText: '案件台账', enablePullDownRefresh: true })
