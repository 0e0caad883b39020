export default definePageConfig({ navigationBarTitleText: '志愿服务队', enablePullDownRefresh: true })
