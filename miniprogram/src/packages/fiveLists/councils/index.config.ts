export default definePageConfig({ navigationBarTitleText: '居民议事会', enablePullDownRefresh: true })
