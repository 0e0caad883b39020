import './messages' // this subpackage's texts, registered before any of its pages renders
import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import type { FiveListMatter, FiveListState, HistoryEntry, UnitScore } from '@shared/fiveLists/schemas'
import { aria } from '../../../components/a11y'
import { Tag } from '../../../components/ui'
import { useT } from '../../../i18n/useT'
import { fmtDateTime } from '../../../lib/format'
import './fiveLists.css'

type Tone = 'neutral' | 'good' | 'warn' | 'bad' | 'brand'

/** A state is always named in words; the colour only repeats it. */
export const stateTone: Record<FiveListState, Tone> = {
  collected: 'neutral',
  dispatched: 'neutral',
  reviewed: 'warn',
  claimed: 'warn',
  resolved: 'good',
  rated: 'good',
  returned: 'bad',
  merged: 'neutral',
  reopened: 'bad',
  closed: 'neutral',
}

export function StateTag({ state }: { state: FiveListState }) {
  const t = useT()
  return <Tag tone={stateTone[state]}>{t(`fl.state.${state}`)}</Tag>
}

export function OverdueTag() {
  const t = useT()
  return <Tag tone='bad'>{`⚠ ${t('fl.overdue')}`}</Tag>
}

export const matterUrl = (id: string) => `/packages/fiveLists/matter/index?id=${id}`

/** One five-list matter in a list: category, state and overdue in words, the text, who handles it, the step's deadline. */
export function FiveListCard({ m }: { m: FiveListMatter }) {
  const t = useT()
  return (
    <View className='card' onClick={() => Taro.navigateTo({ url: matterUrl(m.id) })} {...aria({ role: 'link', tabindex: 0, 'data-testid': `fl-card-${m.id}` })}>
      <View className='row'>
        <Tag tone='brand'>{t(`category.${m.category}`)}</Tag>
        <StateTag state={m.state} />
        {m.overdue ? <OverdueTag /> : null}
      </View>
      <Text className='card-title' numberOfLines={3}>
        {m.text}
      </Text>
      <Text className='small muted block'>
        {[m.anonymous && !m.submitterId ? t('matters.anonymous') : m.submitterName, m.unitName ? `${t('fl.unit')}：${m.unitName}` : '', fmtDateTime(m.createdAt, t.lang)].filter(Boolean).join(' · ')}
      </Text>
      {m.deadlineAt ? <Text className='small muted block'>{`${t('fl.deadline')}：${fmtDateTime(m.deadlineAt, t.lang)}`}</Text> : null}
    </View>
  )
}

export function Kv({ k, v, testId }: { k: string; v: string; testId?: string }) {
  return (
    <View className='kv'>
      <Text className='k'>{k}</Text>
      <Text className='v' {...aria({ 'data-testid': testId })}>
        {v}
      </Text>
    </View>
  )
}

export function Photos({ photos }: { photos: { key: string; url: string }[] }) {
  const t = useT()
  if (!photos.length) return null
  return (
    <View className='photos'>
      {photos.map((p, i) => (
        <View
          key={p.key}
          className='photo'
          onClick={() => Taro.previewImage({ current: p.url, urls: photos.map((x) => x.url) })}
          {...aria({ role: 'button', tabindex: 0, 'aria-label': t('submit.photoAlt', { n: i + 1 }) })}
        >
          <Image className='img' src={p.url} mode='aspectFill' {...({ nativeProps: { alt: t('submit.photoAlt', { n: i + 1 }) } } as object)} />
        </View>
      ))}
    </View>
  )
}

/** The history of a matter, oldest first: when, what, who, and the note. */
export function Timeline({ entries }: { entries: HistoryEntry[] }) {
  const t = useT()
  return (
    <View className='fl-timeline' {...aria({ role: 'list', 'data-testid': 'fl-timeline' })}>
      {entries.map((e, i) => (
        <View key={`${e.at}-${i}`} className='fl-step' {...aria({ role: 'listitem' })}>
          <Text className='body block'>{`${t(`fl.action.${e.action}`)} → ${t(`fl.state.${e.to}`)}`}</Text>
          <Text className='small muted block'>{`${fmtDateTime(e.at, t.lang)} · ${e.byName}`}</Text>
          {e.note ? <Text className='small block pre'>{e.note}</Text> : null}
        </View>
      ))}
    </View>
  )
}

/** Stars as characters with their number in words for screen readers: never a picture alone. */
export function Stars({ n }: { n: number }) {
  const t = useT()
  return (
    <Text className='fl-stars' {...aria({ role: 'img', 'aria-label': t('fl.starsOf', { n }) })}>
      {`${'★'.repeat(n)}${'☆'.repeat(5 - n)}`}
    </Text>
  )
}

export const pct = (x: number | null | undefined) => (x === null || x === undefined ? '–' : `${Math.round(x * 100)}%`)

/** A unit's yearly figures: score, stars (only when ranked), and what they are made of. */
export function ScoreView({ s }: { s: UnitScore }) {
  const t = useT()
  return (
    <View data-testid={`fl-score-${s.unitId}`}>
      <View className='row between'>
        <Text className='h2'>{s.unitName}</Text>
        {s.rank ? <Tag tone='brand'>{t('fl.rank', { n: s.rank })}</Tag> : null}
      </View>
      <View className='row'>
        <Text className='fl-score' data-testid={`fl-score-value-${s.unitId}`}>
          {s.score === null ? t('fl.noScore') : t('fl.scoreValue', { n: s.score.toFixed(1) })}
        </Text>
        {s.ranked && s.starRating ? <Stars n={s.starRating} /> : null}
      </View>
      {!s.ranked ? <Text className='small muted block'>{t('fl.unranked', { n: s.minRated, rated: s.rated })}</Text> : null}
      <Kv k={t('fl.matters')} v={String(s.matters)} />
      <Kv k={t('fl.resolutionRate')} v={`${pct(s.resolutionRate)}（${s.resolved}/${s.matters}）`} />
      <Kv k={t('fl.onTimeRate')} v={`${pct(s.timeliness)}（${s.onTime}/${s.resolved}）`} />
      <Kv k={t('fl.satisfactionRate')} v={`${pct(s.satisfactionRate)}（${s.satisfiedMatters}/${s.rated}）`} />
      <Kv k={t('fl.ratedUnrated')} v={t('fl.ratedUnratedValue', { rated: s.rated, unrated: s.unrated })} />
    </View>
  )
}
