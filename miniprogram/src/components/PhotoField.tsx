import { useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import { aria } from './a11y'
import { useT } from '../i18n/useT'
import { pickPhotos, uploadPhoto, type PickedPhoto } from '../lib/upload'

export interface Photo extends PickedPhoto {
  id: string
  key?: string
  state: 'uploading' | 'done' | 'failed'
}

type SetPhotos = (change: (photos: Photo[]) => Photo[]) => void

/**
 * Photos picked and uploaded as soon as they are picked (presigned POST, compressed in weapp), with retry and remove,
 * on a list the caller keeps: a page with a stored draft keeps it in the draft, so uploaded photos survive a closed app.
 */
export function usePhotoUploads(photos: Photo[], setPhotos: SetPhotos, max = 9) {
  const set = (id: string, patch: Partial<Photo>) => setPhotos((ps) => ps.map((p) => (p.id === id ? { ...p, ...patch } : p)))
  async function start(p: Photo) {
    set(p.id, { state: 'uploading' })
    try {
      set(p.id, { key: await uploadPhoto(p), state: 'done' })
    } catch {
      set(p.id, { state: 'failed' })
    }
  }
  async function add() {
    const room = max - photos.length
    if (room <= 0) return
    let picked: PickedPhoto[]
    try {
      picked = await pickPhotos(room)
    } catch {
      return // cancelled
    }
    const added: Photo[] = picked.slice(0, room).map((p, i) => ({ ...p, id: `${Date.now()}-${i}`, state: 'uploading' }))
    setPhotos((ps) => [...ps, ...added])
    await Promise.all(added.map(start))
  }
  return {
    photos,
    keys: photos.filter((p) => p.key).map((p) => p.key!),
    busy: photos.some((p) => p.state === 'uploading'),
    add,
    retry: start,
    remove: (id: string) => setPhotos((ps) => ps.filter((p) => p.id !== id)),
    clear: () => setPhotos(() => []),
    max,
  }
}

/** The same, on a list of its own (a form with no stored draft). */
export function usePhotos(max = 9) {
  const [photos, setPhotos] = useState<Photo[]>([])
  return usePhotoUploads(photos, setPhotos, max)
}

export type Photos = ReturnType<typeof usePhotoUploads>

/** The picked photos with their upload state, retry on a failed one, remove, and the add button while there is room. */
export function PhotoField({ ph, testId }: { ph: Photos; testId: string }) {
  const t = useT()
  return (
    <View className='photos' data-testid={`${testId}-photos`}>
      {ph.photos.map((p, i) => (
        <View key={p.id} className='photo'>
          <Image className='img' src={p.path} mode='aspectFill' {...({ nativeProps: { alt: t('submit.photoAlt', { n: i + 1 }) } } as object)} />
          {p.state !== 'done' ? (
            <Text
              className='photo-state'
              onClick={() => p.state === 'failed' && ph.retry(p)}
              {...aria({ role: p.state === 'failed' ? 'button' : 'status', tabindex: p.state === 'failed' ? 0 : undefined })}
            >
              {p.state === 'uploading' ? t('submit.uploading') : t('submit.uploadFailed')}
            </Text>
          ) : null}
          <View className='photo-remove' onClick={() => ph.remove(p.id)} {...aria({ role: 'button', tabindex: 0, 'aria-label': t('submit.removePhoto', { n: i + 1 }) })}>
            <Text {...aria({ 'aria-hidden': true })}>✕</Text>
          </View>
        </View>
      ))}
      {ph.photos.length < ph.max ? (
        <View className='photo-add' onClick={ph.add} {...aria({ role: 'button', tabindex: 0, 'data-testid': `${testId}-add-photo` })}>
          <Text>{`+ ${t('submit.addPhoto')}`}</Text>
        </View>
      ) : null}
    </View>
  )
}
