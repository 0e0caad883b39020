import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Page } from '../../../components/Page'
import { Async, Btn, Chip, Empty, Field, Section, Tag, TextInput } from '../../../components/ui'
import { aria } from '../../../components/a11y'
import { useT } from '../../../i18n/useT'
import { useApp } from '../../../state/app'
import { usePaged } from '../../../hooks/useQuery'
import { api } from '../../../api/routes'
import { call } from '../../../api/client'
import { fmtDateTime } from '../../../lib/format'
import { go, RELIEF_TYPES, statusKey, statusTone, typeKey } from '../lib/relief'

/**
 * 代居民申请: a grid worker names a resident of their grid by the user id the resident's 办事 tab shows (the API lists no
 * grid's residents), picks a type, and files for them; below, the grid's applications.
 */
export default function ProxyPage() {
  const t = useT()
  const { me } = useApp()
  const grids = (me?.grants ?? []).filter((g) => g.role === 'gridWorker')
  const [gridId, setGridId] = useState<string>()
  const grid = gridId ?? grids[0]?.unitId
  const [userId, setUserId] = useState('')
  const [type, setType] = useState<string>()
  const [missing, setMissing] = useState(false)
  const apps = usePaged((cursor) => call(api.relief.gridApplications, { params: { gridId: grid! }, query: { cursor } }), [grid], !!grid)

  function start() {
    if (!userId.trim() || !type || !grid) {
      setMissing(true)
      return
    }
    setMissing(false)
    void Taro.navigateTo({ url: `/packages/relief/apply/index?type=${type}&forUserId=${encodeURIComponent(userId.trim())}&gridId=${grid}` })
  }

  if (me && !grids.length) return <Page title='rl.proxy.title'><Empty text={t('rl.proxy.noGrid')} /></Page>
  return (
    <Page title='rl.proxy.title'>
      <Section>
        {grids.length > 1 ? (
          <Field label={t('rl.proxy.grid')}>
            <View className='row' {...aria({ role: 'group', 'aria-label': t('rl.proxy.grid') })}>
              {grids.map((g) => (
                <Chip key={g.unitId} selected={grid === g.unitId} onClick={() => setGridId(g.unitId)} testId={`rl-proxy-grid-${g.unitId}`}>
                  {g.unitName}
                </Chip>
              ))}
            </View>
          </Field>
        ) : grids[0] ? (
          <Text className='body block'>{`${t('rl.proxy.grid')}：${grids[0].unitName}`}</Text>
        ) : null}
        <Field label={t('rl.proxy.userId')}>
          <TextInput label={t('rl.proxy.userId')} value={userId} onInput={setUserId} testId='rl-proxy-user' maxlength={64} />
        </Field>
        <Field label={t('rl.proxy.type')}>
          <View className='row' {...aria({ role: 'group', 'aria-label': t('rl.proxy.type') })}>
            {RELIEF_TYPES.map((ty) => (
              <Chip key={ty} selected={type === ty} onClick={() => setType(ty)} testId={`rl-proxy-type-${ty}`}>
                {t(typeKey(ty))}
              </Chip>
            ))}
          </View>
        </Field>
        {missing ? (
          <Text className='body block error-text' {...aria({ role: 'alert' })}>
            {t('rl.proxy.missing')}
          </Text>
        ) : null}
        <Btn block kind='primary' onClick={start} testId='rl-proxy-start'>
          {t('rl.proxy.start')}
        </Btn>
      </Section>
      <Section title={t('rl.proxy.gridApps')}>
        <Async q={apps} empty={(d) => (d.items.length ? false : t('rl.tab.noApps'))}>
          {() => (
            <View data-testid='rl-grid-apps'>
              {apps.items.map((a) => (
                <View key={a.id} className='card' onClick={go(`/packages/relief/application/index?id=${a.id}`)} {...aria({ role: 'link', tabindex: 0, 'data-testid': `rl-app-${a.id}` })}>
                  <Tag tone={statusTone(a.status)}>{t(statusKey(a.status))}</Tag>
                  <Text className='card-title'>{`${t(typeKey(a.type))} · ${a.ownerName}`}</Text>
                  <Text className='small muted block'>{fmtDateTime(a.createdAt, t.lang)}</Text>
                </View>
              ))}
              {apps.hasMore ? (
                <Btn block onClick={apps.loadMore} loading={apps.loadingMore}>
                  {t('common.loadMore')}
                </Btn>
              ) : null}
            </View>
          )}
        </Async>
      </Section>
    </Page>
  )
}
