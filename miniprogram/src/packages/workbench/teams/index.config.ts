export default definePageConfig({ navigationBarTitleText: '服务队时长', enablePullDownRefresh: true })
