export default definePageConfig({ navigationBarTitleText: '民生决策咨询', enablePullDownRefresh: true })
