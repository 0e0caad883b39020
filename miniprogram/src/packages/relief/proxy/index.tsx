import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Page } from '../../../components/Page'
import { Async, Btn, Chip, Empty, Field, Section, Tag, TextInput } from '../../../components/ui'
import { aria } from '../../../components/a11y'
import { useT } from '../../../i18n/useT'
import { useApp } from '../../../state/app'
import { usePaged } from '../../../hooks/useQuery'
import { fmtDateTime } from '../../../lib/format'
import { go, RELIEF_TYPES, statusKey, statusTone, typeKey } from '../lib/relief'
import { org } from '../../../hooks/org'
import { useGridApplications } from '../../../hooks/relief'

/**
 * 代居民申请: a grid worker picks a resident of their grid from its list (searched by the start of the name; the grid's
 * own residents first, then the community's bound to no grid), picks a type, and files for them; below, the grid's
 * applications.
 */
export default function ProxyPage() {
  const t = useT()
  const { me } = useApp()
  const grids = (me?.grants ?? []).filter((g) => g.role === 'gridWorker')
  const [gridId, setGridId] = useState<string>()
  const grid = gridId ?? grids[0]?.unitId
  const [picked, setPicked] = useState<{ id: string; name: string }>()
  const [search, setSearch] = useState('')
  const [name, setName] = useState('')
  const residents = usePaged(
    (cursor) => org.gridResidents(grid!, { cursor, name: name || undefined }),
    [grid, name],
    !!grid,
  )
  const [type, setType] = useState<string>()
  const [missing, setMissing] = useState(false)
  const apps = useGridApplications(grid)

  function start() {
    if (!picked || !type || !grid) {
      setMissing(true)
      return
    }
    setMissing(false)
    void Taro.navigateTo({ url: `/packages/relief/apply/index?type=${type}&forUserId=${encodeURIComponent(picked.id)}&forName=${encodeURIComponent(picked.name)}&gridId=${grid}` })
  }

  if (me && !grids.length) return <Page title='rl.proxy.title'><Empty text={t('rl.proxy.noGrid')} /></Page>
  return (
    <Page title='rl.proxy.title'>
      <Section>
        {grids.length > 1 ? (
          <Field label={t('rl.proxy.grid')}>
            <View className='row' {...aria({ role: 'group', 'aria-label': t('rl.proxy.grid') })}>
              {grids.map((g) => (
                <Chip
                  key={g.unitId}
                  selected={grid === g.unitId}
                  onClick={() => {
                    setGridId(g.unitId)
                    setPicked(undefined)
                  }}
                  testId={`rl-proxy-grid-${g.unitId}`}
                >
                  {g.unitName}
                </Chip>
              ))}
            </View>
          </Field>
        ) : grids[0] ? (
          <Text className='body block'>{`${t('rl.proxy.grid')}：${grids[0].unitName}`}</Text>
        ) : null}
        <Field label={t('rl.proxy.resident')} hint={t('rl.proxy.residentHint')}>
          <View className='row'>
            <TextInput label={t('rl.proxy.search')} placeholder={t('rl.proxy.search')} value={search} onInput={setSearch} testId='rl-proxy-search' maxlength={20} />
            <Btn onClick={() => setName(search.trim())} testId='rl-proxy-search-go'>
              {t('rl.proxy.searchGo')}
            </Btn>
          </View>
          <Async q={residents} empty={(d) => (d.items.length ? false : t(name ? 'rl.proxy.noMatch' : 'rl.proxy.noResidents'))}>
            {() => (
              <View data-testid='rl-proxy-residents' {...aria({ role: 'radiogroup', 'aria-label': t('rl.proxy.resident') })}>
                {residents.items.map((r) => {
                  const on = picked?.id === r.user.id
                  return (
                    <View
                      key={r.user.id}
                      className={`card rl-resident ${on ? 'rl-resident-on' : ''}`}
                      onClick={() => setPicked({ id: r.user.id, name: r.user.displayName })}
                      {...aria({ role: 'radio', tabindex: 0, 'aria-checked': on, 'data-testid': `rl-proxy-resident-${r.user.id}` })}
                    >
                      <Text className='card-title'>{`${on ? '✓ ' : ''}${r.user.displayName}`}</Text>
                      <Text className='small muted block'>
                        {[r.maskedPhone, r.note, r.gridId ? undefined : t('rl.proxy.noGridBinding')].filter(Boolean).join(' · ') || t('rl.proxy.noDetails')}
                      </Text>
                    </View>
                  )
                })}
                {residents.hasMore ? (
                  <Btn block onClick={residents.loadMore} loading={residents.loadingMore}>
                    {t('common.loadMore')}
                  </Btn>
                ) : null}
              </View>
            )}
          </Async>
          {picked ? (
            <Text className='body block' data-testid='rl-proxy-picked'>{`${t('rl.proxy.picked')}${t.lang === 'en' ? ': ' : '：'}${picked.name}`}</Text>
          ) : null}
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
