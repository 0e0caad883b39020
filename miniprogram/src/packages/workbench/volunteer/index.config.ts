export default definePageConfig({ navigationBarTitleText: '志愿者服务时长', enablePullDownRefresh: true })
