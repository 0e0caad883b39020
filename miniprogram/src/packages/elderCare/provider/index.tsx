import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import type { Booking } from '@shared/elderCare/schemas'
import '../lib/messages'
import '../lib/elderCare.css'
import { Page } from '../../../components/Page'
import { Async, Btn, Chip, ErrorState, Section, Tag } from '../../../components/ui'
import { useT } from '../../../i18n/useT'
import { useAction } from '../../../hooks/useAction'
import { chinaDay, fmtDateTime } from '../../../lib/format'
import { addDays } from '@shared/platform/chinaTime'
import { pickPhotos, uploadPhoto } from '../../../lib/upload'
import { elderCare, useProviderBookings } from '../../../hooks/elderCare'

/** 今日服务单: a provider's bookings of the day; confirm each, then take a photo to mark it served. */
export default function ProviderPage() {
  const t = useT()
  const params = useRouter().params
  const id = params.id as string
  // `day`: the day to open on (a link from a notice, or the tests' fixed clock); today by default
  const base = /^\d{4}-\d{2}-\d{2}$/.test(params.day ?? '') ? params.day! : chinaDay(0)
  const [day, setDay] = useState(base)
  const days = [0, 1, 2].map((n) => addDays(base, n))
  const q = useProviderBookings(id, day)
  const act = useAction()
  const replace = (b: Booking) => q.setData({ items: q.data!.items.map((x) => (x.id === b.id ? b : x)) })

  async function accept(b: Booking) {
    await act.run(`accept-${b.id}`, async () => replace(await elderCare.accept(b.id)))
  }
  async function serve(b: Booking) {
    await act.run(`serve-${b.id}`, async () => {
      const [photo] = await pickPhotos(1)
      if (!photo) return
      const photoKey = await uploadPhoto(photo)
      replace(await elderCare.serve(b.id, { photoKey }))
    })
  }

  return (
    <Page title='ec.provider'>
      <View className='row gap'>
        {days.map((d, n) => (
          <Chip key={d} selected={day === d} onClick={() => setDay(d)} testId={`ec-day-${n}`}>
            {d.slice(5)}
          </Chip>
        ))}
      </View>
      {act.error ? <ErrorState error={act.error} /> : null}
      <Async q={q} empty={(d) => (d.items.length ? false : t('ec.providerNone'))}>
        {(d) => (
          <Section>
            {d.items.map((b) => (
              <View key={b.id} className='card' data-testid={`ec-serve-card-${b.elderName}`}>
                <View className='row between'>
                  <Text className='card-title'>{`${b.elderName} · ${b.serviceName}`}</Text>
                  <Tag tone={b.status === 'served' ? 'good' : b.status === 'waitlisted' ? 'warn' : 'brand'}>{t(`ec.status.${b.status}`)}</Tag>
                </View>
                <Text className='body block'>{`${fmtDateTime(b.startsAt, t.lang)} · ${t(`ec.mode.${b.mode}`)}`}</Text>
                {b.photoUrl ? <Image className='photo' src={b.photoUrl} mode='aspectFill' /> : null}
                <View className='row gap'>
                  {b.status === 'confirmed' ? (
                    <Btn onClick={() => void accept(b)} loading={act.busy === `accept-${b.id}`} testId={`ec-accept-${b.elderName}`}>
                      {t('ec.accept')}
                    </Btn>
                  ) : null}
                  {b.status === 'confirmed' || b.status === 'accepted' ? (
                    <Btn kind='primary' onClick={() => void serve(b)} loading={act.busy === `serve-${b.id}`} testId={`ec-serve-${b.elderName}`}>
                      {t('ec.serve')}
                    </Btn>
                  ) : null}
                </View>
              </View>
            ))}
          </Section>
        )}
      </Async>
    </Page>
  )
}
