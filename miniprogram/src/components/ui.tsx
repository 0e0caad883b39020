import type { PropsWithChildren, ReactNode } from 'react'
import { Input, Text, Textarea, View } from '@tarojs/components'
import { Button as NutButton } from '@nutui/nutui-react-taro'
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

export function Loading() {
  const t = useT()
  return (
    <View className='state state-loading' {...aria({ role: 'status', 'aria-live': 'polite' })}>
      <Text className='body muted'>{t('common.loading')}</Text>
    </View>
  )
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT()
  return (
    <View className='state state-error' {...aria({ role: 'alert' })} data-testid='error-state'>
      <Text className='body error-text'>{t.errorText(error)}</Text>
      {onRetry ? <Btn onClick={onRetry}>{t('common.retry')}</Btn> : null}
    </View>
  )
}

export function Empty({ text }: { text: string }) {
  return (
    <View className='state state-empty'>
      <Text className='body muted'>{text}</Text>
    </View>
  )
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
    <Input
      className='input'
      value={props.value}
      type={props.type ?? 'text'}
      maxlength={props.maxlength ?? 140}
      placeholder={props.placeholder}
      onInput={(e) => props.onInput(e.detail.value)}
      nativeProps={{ 'aria-label': props.label, 'data-testid': props.testId }}
      {...aria({ 'data-testid': isH5 ? undefined : props.testId })}
    />
  )
}

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

/** A status or category shown as text (never colour alone), with a colour as a second signal. */
export function Tag({ children, tone = 'neutral' }: PropsWithChildren<{ tone?: 'neutral' | 'good' | 'warn' | 'bad' | 'brand' }>) {
  return <Text className={`tag tag-${tone}`}>{children}</Text>
}

/** A toggle among choices: a real button with aria-pressed, big enough for elder mode. */
export function Chip({ selected, onClick, children, testId }: PropsWithChildren<{ selected: boolean; onClick: () => void; testId?: string }>) {
  return (
    <View
      className={`chip ${selected ? 'chip-on' : ''}`}
      onClick={onClick}
      {...aria({ role: 'button', tabindex: 0, 'aria-pressed': selected, 'data-testid': testId })}
    >
      <Text>
        {selected ? '✓ ' : ''}
        {children}
      </Text>
    </View>
  )
}

/** A tappable row leading somewhere (link semantics in h5). */
export function LinkRow({ title, note, onClick, testId, badge }: { title: string; note?: string; onClick: () => void; testId?: string; badge?: string }) {
  return (
    <View className='link-row' onClick={onClick} {...aria({ role: 'link', tabindex: 0, 'data-testid': testId })}>
      <Text className='body'>{title}</Text>
      <View className='row'>
        {badge ? <Text className='badge'>{badge}</Text> : null}
        {note ? <Text className='small muted'>{note}</Text> : null}
        <Text className='chevron' {...aria({ 'aria-hidden': true })}>
          ›
        </Text>
      </View>
    </View>
  )
}
