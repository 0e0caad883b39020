export default definePageConfig({ navigationBarTitleText: '惠民项目', enablePullDownRefresh: true })
