export default definePageConfig({ navigationBarTitleText: '代老人预约', enablePullDownRefresh: true })
