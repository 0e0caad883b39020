import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import '../lib/messages'
import '../lib/elderCare.css'
import { ELDER } from '../lib/format'
import { Page } from '../../../components/Page'
import { Async, Btn, Field, Section, TextInput } from '../../../components/ui'
import { aria } from '../../../components/a11y'
import { useT } from '../../../i18n/useT'
import { useQuery } from '../../../hooks/useQuery'
import { useApp } from '../../../state/app'
import { org } from '../../../hooks/org'

/**
 * 代老人预约: a worker finds a resident of their community (a grid worker: of their grid) by name and books for them;
 * the booking page then asks how the resident agreed, which is recorded with the booking.
 */
export default function BehalfPage() {
  const t = useT()
  const me = useApp().me
  const grid = me?.grants.find((g) => g.role === 'gridWorker')
  const community = me?.grants.find((g) => g.role === 'communityWorker')?.unitId ?? grid?.unitPath[1]
  const [name, setName] = useState('')
  const [search, setSearch] = useState('')
  const q = useQuery(
    () =>
      grid && !me?.grants.some((g) => g.role === 'communityWorker')
        ? org.gridResidents(grid.unitId, { name: search || undefined })
        : org.communityResidents(community!, { name: search || undefined }),
    [search, community],
    !!community,
  )
  const go = (id: string, n: string) => () => void Taro.navigateTo({ url: `${ELDER}/book/index?elderId=${id}&worker=1&community=${community}&name=${encodeURIComponent(n)}` })

  return (
    <Page title='ec.behalf'>
      <Field label={t('ec.searchName')}>
        <View className='row gap'>
          <TextInput label={t('ec.searchName')} value={name} onInput={setName} maxlength={20} testId='ec-behalf-name' />
          <Btn onClick={() => setSearch(name.trim())} testId='ec-behalf-search'>
            {t('ec.search')}
          </Btn>
        </View>
      </Field>
      <Section>
        <Async q={q} empty={(d) => (d.items.length ? false : t('common.empty'))}>
          {(d) => (
            <View>
              {d.items.map((r) => (
                <View key={r.user.id} className='link-row' onClick={go(r.user.id, r.user.displayName)} {...aria({ role: 'link', tabindex: 0, 'data-testid': `ec-behalf-${r.user.displayName}` })}>
                  <Text className='body'>{r.user.displayName}</Text>
                  <Text className='small muted'>{t('ec.bookFor', { name: r.user.displayName })}</Text>
                </View>
              ))}
            </View>
          )}
        </Async>
      </Section>
    </Page>
  )
}
