export default definePageConfig({ navigationBarTitleText: '导入热线工单' })
