export default definePageConfig({ navigationBarTitleText: '组件一览' })
