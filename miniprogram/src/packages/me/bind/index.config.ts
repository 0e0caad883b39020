export default definePageConfig({ navigationBarTitleText: '绑定社区', enablePullDownRefresh: true })
