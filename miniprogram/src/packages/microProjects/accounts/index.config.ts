export default definePageConfig({ navigationBarTitleText: '社区家务账', enablePullDownRefresh: true })
