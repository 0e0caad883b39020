export default definePageConfig({ navigationBarTitleText: '隐患与违建', enablePullDownRefresh: true })
