export default definePageConfig({ navigationBarTitleText: '积案督办', enablePullDownRefresh: true })
