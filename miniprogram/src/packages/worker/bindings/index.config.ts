export default definePageConfig({ navigationBarTitleText: '社区绑定审核', enablePullDownRefresh: true })
