import Taro from '@tarojs/taro'
import { isH5 } from '../components/a11y'

/** A file as the API answers it in a JSON body: text, or bytes in base64. */
export interface ApiFile {
  filename: string
  contentType: string
  content: string
  encoding?: 'utf8' | 'base64'
}

/**
 * Hands a file from the API to the person. In a browser: a Blob downloaded under its name. In WeChat: written to the
 * user data folder with the FileSystemManager and opened with openDocument (WeChat's viewer: save, print, send on);
 * where the viewer refuses the type (a CSV), the file goes to a chat instead, to open on a computer.
 */
export async function saveFile(file: ApiFile): Promise<void> {
  const encoding = file.encoding ?? 'utf8'
  if (isH5) {
    let body: BlobPart = file.content
    if (encoding === 'base64') {
      const raw = atob(file.content)
      const bytes = new Uint8Array(raw.length)
      for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i)
      body = bytes
    }
    const url = URL.createObjectURL(new Blob([body], { type: file.contentType }))
    const a = document.createElement('a')
    a.href = url
    a.download = file.filename
    document.body.appendChild(a)
    a.click()
    a.remove()
    setTimeout(() => URL.revokeObjectURL(url), 60_000)
    return
  }
  const filePath = `${Taro.env.USER_DATA_PATH}/${file.filename}`
  await new Promise<void>((resolve, reject) =>
    Taro.getFileSystemManager().writeFile({ filePath, data: file.content, encoding, success: () => resolve(), fail: (e) => reject(new Error(e.errMsg)) }),
  )
  try {
    await Taro.openDocument({ filePath, showMenu: true } as Parameters<typeof Taro.openDocument>[0])
  } catch {
    await Taro.shareFileMessage({ filePath, fileName: file.filename })
  }
}
