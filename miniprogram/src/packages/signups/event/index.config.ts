export default definePageConfig({ navigationBarTitleText: '社区活动', enablePullDownRefresh: true, enableShareAppMessage: true })
