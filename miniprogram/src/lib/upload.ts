import Taro from '@tarojs/taro'
import type { CreateUploadInput } from '@shared/uploads/schemas'
import { api } from '../api/routes'
import { ApiError, call, networkError } from '../api/client'

export interface PickedPhoto {
  path: string
  size: number
  type?: string
}

function contentTypeOf(p: PickedPhoto): CreateUploadInput['contentType'] {
  const t = (p.type ?? '').toLowerCase()
  if (t.includes('png') || /\.png$/i.test(p.path)) return 'image/png'
  if (t.includes('webp') || /\.webp$/i.test(p.path)) return 'image/webp'
  return 'image/jpeg'
}

/** Pick photos: compressed by WeChat where it can. */
export async function pickPhotos(count: number): Promise<PickedPhoto[]> {
  const res = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
  return res.tempFiles.map((f) => ({ path: f.path, size: f.size, type: (f as { type?: string }).type }))
}

/**
 * One photo to storage: compress (weapp; the browser has no compressImage), ask the API for a presigned POST,
 * send the fields and the file (last, as `file`), and keep the key the matter will name.
 */
export async function uploadPhoto(photo: PickedPhoto): Promise<string> {
  let filePath = photo.path
  let size = photo.size
  if (process.env.TARO_ENV === 'weapp') {
    try {
      const c = await Taro.compressImage({ src: photo.path, quality: 70 })
      filePath = c.tempFilePath
      const info = await Taro.getFileInfo({ filePath })
      size = (info as { size: number }).size
    } catch {
      /* keep the original if compression is refused */
    }
  }
  const up = await call(api.uploads.create, { body: { purpose: 'matterPhoto', contentType: contentTypeOf(photo), size: Math.max(1, size) } })
  let res: { statusCode: number }
  try {
    res = await Taro.uploadFile({
      url: up.url,
      filePath,
      name: 'file',
      formData: up.fields,
      // the storage is another origin: no cookies needed, and credentials would need stricter CORS
      ...({ withCredentials: false } as object),
    })
  } catch {
    throw networkError()
  }
  if (res.statusCode < 200 || res.statusCode >= 300) throw new ApiError(res.statusCode, 'UPLOAD_FAILED', '照片上传失败，请重试', 'The photo upload failed')
  return up.key
}
