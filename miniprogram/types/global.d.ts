/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.jpg'
declare module '*.svg'
declare module '*.css'

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production'
    TARO_ENV: 'weapp' | 'swan' | 'alipay' | 'h5' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn'
    TARO_APP_ID: string
    /** the https base of the API in the weapp build */
    TARO_APP_API_BASE?: string
  }
}

/** Method and path of every endpoint, from shared/api.ts at build time (config/routes.ts). */
declare const LINLI_ROUTES: import('../src/api/routes').Routes
