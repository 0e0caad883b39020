export default definePageConfig({ navigationBarTitleText: '工作总结', enablePullDownRefresh: true })
