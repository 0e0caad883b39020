import { useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import '../lib/messages'
import '../lib/elderCare.css'
import { ELDER, serviceName, yuan } from '../lib/format'
import { Page } from '../../../components/Page'
import { Async, Btn, LinkRow, Section, Tag, TextInput } from '../../../components/ui'
import { aria } from '../../../components/a11y'
import { useT } from '../../../i18n/useT'
import type { MessageKey } from '../../../i18n/messages'
import { useAction } from '../../../hooks/useAction'
import { elderCare, useElderCareHome } from '../../../hooks/elderCare'

const go = (url: string) => () => void Taro.navigateTo({ url })

/**
 * 为老服务: the elder's first screen, elder mode first. The 助急 button on top, the menu with what the elder pays after
 * their subsidy, then booking, meals, bookings; family and staff entries below.
 */
export default function ElderCareHome() {
  const t = useT()
  const q = useElderCareHome()
  const act = useAction()
  const [year, setYear] = useState('')
  useDidShow(() => {
    if (q.data) void q.reload()
  })

  async function saveYear() {
    const birthYear = Number(year)
    await act.run('year', async () => {
      const me = await elderCare.putProfile({ birthYear })
      q.setData({ ...q.data!, me })
    })
  }

  return (
    <Page title='ec.homeTitle'>
      <Async q={q}>
        {(d) => {
          const bound = !!d.me.communityId
          const best = (i: { subsidyFen: Partial<Record<string, number>>; priceFen: number }) => Math.min(i.priceFen, Math.max(0, ...d.me.eligibility.map((e) => i.subsidyFen[e] ?? 0)))
          return (
            <View>
              {bound ? (
                <View className='ec-sos' onClick={go(`${ELDER}/emergency/index`)} {...aria({ role: 'button', tabindex: 0, 'data-testid': 'ec-sos' })}>
                  <Text className='ec-sos-text'>{t('ec.sos')}</Text>
                  <Text className='ec-sos-hint'>{t('ec.sosHint')}</Text>
                </View>
              ) : null}
              {bound ? (
                <Section title={t('ec.menu')}>
                  <Text className='body block' data-testid='ec-eligibility'>
                    {d.me.eligibility.length ? t('ec.eligible', { list: d.me.eligibility.map((e) => t(`ec.elig.${e}` as MessageKey)).join('、') }) : t('ec.eligibleNone')}
                  </Text>
                  {d.me.birthYear ? null : (
                    <View className='row gap'>
                      <TextInput label={t('ec.birthYear')} value={year} onInput={setYear} type='number' testId='ec-birth-year' placeholder='1945' />
                      <Btn onClick={saveYear} loading={act.busy === 'year'} disabled={!/^\d{4}$/.test(year)} testId='ec-save-year'>
                        {t('ec.saveYear')}
                      </Btn>
                      <Text className='small muted block'>{t('ec.birthYearHint')}</Text>
                    </View>
                  )}
                  {(d.menu?.items ?? [])
                    .filter((i) => i.active && i.kind !== 'emergency')
                    .map((i) => (
                      <View key={i.id} className='link-row' onClick={go(i.kind === 'meal' ? `${ELDER}/meals/index` : `${ELDER}/book/index?service=${i.id}`)} {...aria({ role: 'link', tabindex: 0, 'data-testid': `ec-service-${i.id}` })}>
                        <Text className='body'>{serviceName(i, t.lang)}</Text>
                        <View className='row'>
                          <Text className='body ec-money'>{t('ec.youPay', { p: yuan(i.priceFen - best(i)) })}</Text>
                          <Text className='chevron' {...aria({ 'aria-hidden': true })}>
                            ›
                          </Text>
                        </View>
                      </View>
                    ))}
                </Section>
              ) : null}
              <Section>
                {bound ? <LinkRow title={t('ec.mine')} onClick={go(`${ELDER}/bookings/index`)} testId='ec-my-bookings' /> : null}
                <LinkRow title={t('ec.family')} onClick={go(`${ELDER}/family/index`)} testId='ec-family' badge={d.family.filter((f) => f.status === 'pending').length ? String(d.family.filter((f) => f.status === 'pending').length) : undefined} />
              </Section>
              {d.elders.length ? (
                <Section title={t('ec.myElders')}>
                  {d.elders.map((e) => (
                    <View key={e.userId} className='card'>
                      <Text className='card-title'>{e.name}</Text>
                      <View className='row gap'>
                        <Btn onClick={go(`${ELDER}/book/index?elderId=${e.userId}&community=${e.communityId ?? ""}&name=${encodeURIComponent(e.name)}`)} testId={`ec-book-for-${e.userId}`}>
                          {t('ec.bookFor', { name: e.name })}
                        </Btn>
                        <Btn onClick={go(`${ELDER}/bookings/index?elderId=${e.userId}`)}>{t('ec.mine')}</Btn>
                      </View>
                    </View>
                  ))}
                </Section>
              ) : null}
              {d.worker || d.providers.length ? (
                <Section>
                  {d.worker ? <LinkRow title={t('ec.behalf')} onClick={go(`${ELDER}/behalf/index`)} testId='ec-behalf' /> : null}
                  {d.providers.map((p) => (
                    <LinkRow key={p.id} title={`${t('ec.provider')} · ${p.name}`} onClick={go(`${ELDER}/provider/index?id=${p.id}`)} testId={`ec-provider-${p.id}`} />
                  ))}
                </Section>
              ) : null}
              {d.asFamily.some((f) => f.status === 'pending') ? <Tag tone='warn'>{t('ec.familyAsked')}</Tag> : null}
            </View>
          )
        }}
      </Async>
    </Page>
  )
}
