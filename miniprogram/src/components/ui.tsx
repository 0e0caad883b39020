import type { PropsWithChildren, ReactNode } from 'react'
import { Text, Textarea, View } from '@tarojs/components'
// one by one (babel-plugin-import turns each into its own module and stylesheet): the main package carries only these
import { Button as NutButton, Cell, Empty as NutEmpty, Input as NutInput, Loading as NutLoading, Tag as NutTag } from '@nutui/nutui-react-taro'
import { useT } from '../i18n/useT'
import { aria, isH5 } from './a11y'

type BtnProps = PropsWithChildren<{
  onClick?: () => void
  kind?: 'primary' | 'default' | 'danger'
  disabled?: boolean
  loading?: boolean
  testId?: string
  label?: string
  pressed?: boolean
  block?: boolean
  small?: boolean
  className?: string
}>

/** A button with its text as its name; in h5 it is also role=button for assistive tech and the tests. */
export function Btn({ onClick, kind = 'default', disabled, loading, testId, label, pressed, block, small, className, children }: BtnProps) {
  return (
    <NutButton
      className={`btn ${small ? 'btn-small' : ''} ${className ?? ''}`}
      type={kind === 'primary' ? 'primary' : kind === 'danger' ? 'danger' : 'default'}
      fill={kind === 'default' ? 'outline' : 'solid'}
      block={block}
      disabled={disabled || loading}
      loading={loading}
      onClick={() => !disabled && !loading && onClick?.()}
      {...aria({
        role: isH5 ? 'button' : undefined,
        tabindex: isH5 ? 0 : undefined,
        'aria-label': label,
        'aria-pressed': pressed,
        'aria-disabled': disabled || loading ? true : undefined,
        'data-testid': testId,
      })}
    >
      {children}
    </NutButton>
  )
}

export function Section({ title, children, extra }: PropsWithChildren<{ title?: string; extra?: ReactNode }>) {
  return (
    <View className='section'>
      {title ? (
        <View className='section-head'>
          <Text className='h2' {...aria({ role: 'heading', 'aria-level': 2 })}>
            {title}
          </Text>
          {extra}
        </View>
      ) : null}
      {children}
    </View>
  )
}

/** NutUI's spinner with the text beside it; the text, not the spinner, is what a screen reader announces. */
export function Loading() {
  const t = useT()
  return (
    <View className='state state-loading' {...aria({ role: 'status', 'aria-live': 'polite' })}>
      <NutLoading type='circular' direction='vertical' className='loading'>
        <Text className='body muted'>{t('common.loading')}</Text>
      </NutLoading>
    </View>
  )
}

/**
 * NutUI's Empty draws a picture from JD's CDN by default: a request WeChat would refuse (not a listed domain) and a
 * browser offline cannot make. An empty node stands in for it (hidden in app.css), so only the words and the actions show.
 */
const noPicture = <View className='state-picture' />

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT()
  return (
    <View className='state-wrap' {...aria({ role: 'alert' })} data-testid='error-state'>
      <NutEmpty className='state state-error' status='error' image={noPicture} description={<Text className='body error-text'>{t.errorText(error)}</Text>}>
        {onRetry ? (
          <Btn onClick={onRetry} testId='error-retry'>
            {t('common.retry')}
          </Btn>
        ) : null}
      </NutEmpty>
    </View>
  )
}

export function Empty({ text }: { text: string }) {
  return <NutEmpty className='state state-empty' image={noPicture} description={<Text className='body muted'>{text}</Text>} />
}

/** loading / error / content, the three states every list and detail has */
export function Async<T>({ q, children, empty }: { q: { data?: T; error?: unknown; loading: boolean; reload(): void }; children: (d: T) => ReactNode; empty?: (d: T) => boolean | string }) {
  if (q.error) return <ErrorState error={q.error} onRetry={() => q.reload()} />
  if (q.data === undefined) return q.loading ? <Loading /> : null
  const e = empty?.(q.data)
  if (e) return <Empty text={typeof e === 'string' ? e : ''} />
  return <>{children(q.data)}</>
}

export function Field({ label, children, hint, error }: PropsWithChildren<{ label: string; hint?: string; error?: string }>) {
  return (
    <View className='field'>
      <Text className='label'>{label}</Text>
      {children}
      {hint ? <Text className='small muted'>{hint}</Text> : null}
      {error ? (
        <Text className='small error-text' {...aria({ role: 'alert' })}>
          {error}
        </Text>
      ) : null}
    </View>
  )
}

/**
 * NutUI's Input. It hands the props it does not know to Taro's Input, so `nativeProps` still puts the accessible name
 * and the testid on the <input> itself in h5 (where a label and Playwright's fill need them).
 */
export function TextInput(props: {
  label: string
  value: string
  onInput: (v: string) => void
  placeholder?: string
  testId?: string
  type?: 'text' | 'number' | 'digit'
  maxlength?: number
}) {
  return (
    <NutInput
      className='input'
      value={props.value}
      type={props.type ?? 'text'}
      maxLength={props.maxlength ?? 140}
      // NutUI's own default placeholder is Chinese whatever the language: none unless the page gives one
      placeholder={props.placeholder ?? ''}
      onChange={(v) => props.onInput(v)}
      // Taro Input's prop, outside NutUI's types: spread so it reaches Taro's Input through NutUI's rest props
      {...{ nativeProps: { 'aria-label': props.label, 'data-testid': props.testId } }}
      {...aria({ 'data-testid': isH5 ? undefined : props.testId })}
    />
  )
}

/**
 * Taro's Textarea, not NutUI's TextArea: NutUI's writes its own `nativeProps` over the caller's, so the <textarea>
 * would lose its accessible name and its testid in h5 (a field a screen reader cannot name, and Playwright cannot fill).
 */
export function TextArea(props: { label: string; value: string; onInput: (v: string) => void; placeholder?: string; testId?: string; maxlength?: number }) {
  return (
    <Textarea
      className='textarea'
      value={props.value}
      maxlength={props.maxlength ?? 1000}
      placeholder={props.placeholder}
      autoHeight={false}
      onInput={(e) => props.onInput(e.detail.value)}
      nativeProps={{ 'aria-label': props.label, 'data-testid': props.testId }}
    />
  )
}

const tagType = { neutral: 'default', good: 'success', warn: 'warning', bad: 'danger', brand: 'primary' } as const

/**
 * A status or category shown as text (never colour alone), with a colour as a second signal: NutUI's plain Tag, in
 * our tones (NutUI's own fills are white text on #ff0f23 or #4fc08d, below AA contrast).
 */
export function Tag({ children, tone = 'neutral' }: PropsWithChildren<{ tone?: 'neutral' | 'good' | 'warn' | 'bad' | 'brand' }>) {
  return (
    <NutTag className={`tag tag-${tone}`} type={tagType[tone]} plain>
      {children}
    </NutTag>
  )
}

/**
 * A toggle among choices: NutUI's round Button (solid when chosen), a real button with aria-pressed, big enough for
 * elder mode; the tick says "chosen" without colour.
 */
export function Chip({ selected, onClick, children, testId }: PropsWithChildren<{ selected: boolean; onClick: () => void; testId?: string }>) {
  return (
    <NutButton
      className={`chip ${selected ? 'chip-on' : ''}`}
      type={selected ? 'primary' : 'default'}
      fill={selected ? 'solid' : 'outline'}
      shape='round'
      onClick={() => onClick()}
      {...aria({ role: isH5 ? 'button' : undefined, tabindex: isH5 ? 0 : undefined, 'aria-pressed': selected, 'data-testid': testId })}
    >
      <Text>
        {selected ? '✓ ' : ''}
        {children}
      </Text>
    </NutButton>
  )
}

/**
 * A tappable row leading somewhere: NutUI's Cell drawn inside an element with link semantics in h5 (Cell passes no
 * role, tabindex or testid to its element, so they sit on the one around it, which takes the tap).
 */
export function LinkRow({ title, note, onClick, testId, badge }: { title: string; note?: string; onClick: () => void; testId?: string; badge?: string }) {
  return (
    <View className='link-row' onClick={onClick} {...aria({ role: 'link', tabindex: 0, 'data-testid': testId })}>
      <Cell
        className='link-cell'
        align='center'
        title={<Text className='body'>{title}</Text>}
        extra={
          <View className='row'>
            {badge ? (
              <NutTag className='badge' type='primary' round>
                {badge}
              </NutTag>
            ) : null}
            {note ? <Text className='small muted'>{note}</Text> : null}
            <Text className='chevron' {...aria({ 'aria-hidden': true })}>
              ›
            </Text>
          </View>
        }
      />
    </View>
  )
}
