import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { Booking } from '@shared/elderCare/schemas'
import '../lib/messages'
import '../lib/elderCare.css'
import { yuan } from '../lib/format'
import { Page } from '../../../components/Page'
import { Async, Btn, Chip, ErrorState, Section, Tag } from '../../../components/ui'
import { useT } from '../../../i18n/useT'
import { useAction } from '../../../hooks/useAction'
import { fmtDateTime } from '../../../lib/format'
import { elderCare, useMyElderBookings } from '../../../hooks/elderCare'

const tone = (s: Booking['status']) => (s === 'served' ? 'good' : s === 'cancelled' ? 'bad' : s === 'waitlisted' ? 'warn' : 'brand')

/** 我的预约: newest first; cancel before the cut-off; rate a served one with 1–5 big buttons. */
export default function BookingsPage() {
  const t = useT()
  const elderId = useRouter().params.elderId || undefined
  const q = useMyElderBookings(elderId)
  const act = useAction()
  useDidShow(() => {
    if (q.data) void q.reload()
  })
  const replace = (b: Booking) => q.setData({ ...q.data!, items: q.data!.items.map((x) => (x.id === b.id ? b : x)) })

  async function cancel(b: Booking) {
    const { confirm } = await Taro.showModal({ title: t('ec.cancel'), content: t('ec.cancelConfirm') })
    if (!confirm) return
    await act.run(`cancel-${b.id}`, async () => replace(await elderCare.cancel(b.id)))
  }
  async function rate(b: Booking, stars: number) {
    await act.run(`rate-${b.id}`, async () => replace(await elderCare.rate(b.id, stars)))
  }

  return (
    <Page title='ec.mine'>
      {act.error ? <ErrorState error={act.error} /> : null}
      <Async q={q} empty={(d) => (d.items.length ? false : t('ec.noBookings'))}>
        {(d) => (
          <Section>
            {d.items.map((b) => (
              <View key={b.id} className='card' data-testid={`ec-booking-${b.serviceId}`}>
                <View className='row between'>
                  <Text className='card-title'>{b.serviceName}</Text>
                  <Tag tone={tone(b.status)}>{b.status === 'waitlisted' ? t('ec.waitlisted', { n: b.position ?? 0 }) : t(`ec.status.${b.status}`)}</Tag>
                </View>
                <Text className='body block'>{fmtDateTime(b.startsAt, t.lang)}</Text>
                <Text className='small muted block'>{`${b.providerName} · ${t(`ec.mode.${b.mode}`)}`}</Text>
                <Text className='small block'>{t('ec.subsidyOf', { s: yuan(b.subsidyFen), p: yuan(b.payFen) })}</Text>
                {b.bookedBy.as !== 'self' ? <Text className='small muted block'>{t('ec.bookedBy', { name: b.bookedBy.name })}</Text> : null}
                {b.rating ? <Text className='body block'>{t('ec.rated', { n: b.rating.stars })}</Text> : null}
                {b.canRate ? (
                  <View className='ec-stars' data-testid={`ec-rate-${b.serviceId}`}>
                    {[1, 2, 3, 4, 5].map((n) => (
                      <Chip key={n} selected={false} onClick={() => void rate(b, n)} testId={`ec-star-${b.serviceId}-${n}`}>
                        {t('ec.stars', { n })}
                      </Chip>
                    ))}
                  </View>
                ) : null}
                {b.canCancel ? (
                  <Btn onClick={() => void cancel(b)} loading={act.busy === `cancel-${b.id}`} testId={`ec-cancel-${b.serviceId}`}>
                    {t('ec.cancel')}
                  </Btn>
                ) : null}
              </View>
            ))}
          </Section>
        )}
      </Async>
    </Page>
  )
}
