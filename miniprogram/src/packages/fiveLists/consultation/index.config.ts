export default definePageConfig({ navigationBarTitleText: '决策咨询', enablePullDownRefresh: true, enableShareAppMessage: true })
