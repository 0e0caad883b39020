import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { Matter } from '@shared/sayItDay/schemas'
import type { Me } from '@shared/auth/schemas'
import { Page } from '../../../components/Page'
import { Async, Btn, Chip, Empty, ErrorState, Field, LinkRow, Loading, Section, Tag, TextArea, TextInput } from '../../../components/ui'
import { PhotoField, type Photo, type Photos } from '../../../components/PhotoField'
import { LocationField, type Place } from '../../../components/LocationField'
import { MatterCard } from '../../../components/MatterCard'
import { FiveListsWork } from '../../../components/FiveListsWork'
import { aria } from '../../../components/a11y'

/**
 * The component kit (组件一览), in h5 only (app.config.ts lists it when TARO_ENV is h5; the weapp never builds it):
 * every shared component in its states, so tests/e2e/kit.test.ts can use each as a person does in a real browser.
 * Each demo sits in `kit-<name>`; what a component reports (clicks, text typed) is shown in `kit-out-<name>`.
 */
export default function KitGalleryPage() {
  const [count, setCount] = useState<Record<string, number>>({})
  const tap = (k: string) => () => setCount((c) => ({ ...c, [k]: (c[k] ?? 0) + 1 }))
  const out = (k: string) => (
    <Text className='small block' data-testid={`kit-out-${k}`} {...aria({ role: 'status' })}>{`${k}: ${count[k] ?? 0}`}</Text>
  )

  // the loading state a page gives a Btn while its action runs (useAction), set by hand to show it
  const [spinning, setSpinning] = useState(false)
  const [pressed, setPressed] = useState(false)
  const [text, setText] = useState('')
  const [digits, setDigits] = useState('')
  const [long, setLong] = useState('')
  const [one, setOne] = useState('a')
  const [many, setMany] = useState<string[]>([])
  const [state, setState] = useState<'loading' | 'error' | 'empty' | 'data'>('loading')
  const [place, setPlace] = useState<Place>({ address: '' })
  const [photos, setPhotos] = useState<Photo[]>([
    { id: 'p1', path: picture('#b5121b'), state: 'done', key: 'uploads/kit/p1.jpg' } as Photo,
    { id: 'p2', path: picture('#135200'), state: 'uploading' } as Photo,
    { id: 'p3', path: picture('#874d00'), state: 'failed' } as Photo,
  ])

  const q = {
    loading: state === 'loading',
    data: state === 'empty' ? [] : state === 'data' ? ['第一条', '第二条'] : undefined,
    error: state === 'error' ? { message: '网络不通，请稍后再试', messageEn: 'No network, try later' } : undefined,
    reload: () => {
      tap('reload')()
      setState('data')
    },
  }
  // the photo field's own uploads go to the API; here it is handed a list and counts what it asks for
  const ph: Photos = {
    photos,
    keys: photos.filter((p) => p.key).map((p) => p.key!),
    busy: photos.some((p) => p.state === 'uploading'),
    add: async () => tap('add')(),
    retry: async () => tap('retry')(),
    remove: (id: string) => setPhotos((ps) => ps.filter((p) => p.id !== id)),
    clear: () => setPhotos([]),
    max: 4,
  }

  return (
    <Page title='app.name'>
      <Section title='Btn 按钮'>
        <View className='row gap' data-testid='kit-btn'>
          <Btn kind='primary' onClick={tap('primary')} testId='kit-btn-primary'>
            提交
          </Btn>
          <Btn onClick={tap('default')} testId='kit-btn-default'>
            取消
          </Btn>
          <Btn kind='danger' onClick={tap('danger')} testId='kit-btn-danger'>
            删除
          </Btn>
          <Btn disabled onClick={tap('disabled')} testId='kit-btn-disabled'>
            不可用
          </Btn>
          <Btn
            kind='primary'
            loading={spinning}
            onClick={() => {
              tap('busy')()
              setSpinning(true)
            }}
            testId='kit-btn-busy'
          >
            保存
          </Btn>
          <Btn small onClick={() => setSpinning(false)} testId='kit-btn-done'>
            保存完成
          </Btn>
          <Btn small label='关闭提示' onClick={tap('labelled')} testId='kit-btn-labelled'>
            ✕
          </Btn>
          <Btn pressed={pressed} onClick={() => setPressed((p) => !p)} testId='kit-btn-pressed'>
            关注
          </Btn>
          <Btn block onClick={tap('block')} testId='kit-btn-block'>
            整行按钮
          </Btn>
        </View>
        {out('primary')}
        {out('default')}
        {out('danger')}
        {out('disabled')}
        {out('busy')}
        {out('labelled')}
      </Section>

      <Section title='Section 分区' extra={<Tag tone='brand'>附加</Tag>}>
        <Text className='body' data-testid='kit-section-body'>
          分区的内容
        </Text>
      </Section>

      <Section title='Loading 加载中'>
        <View data-testid='kit-loading'>
          <Loading />
        </View>
      </Section>

      <Section title='ErrorState 出错'>
        <View data-testid='kit-error'>
          <ErrorState error={{ message: '网络不通，请稍后再试', messageEn: 'No network, try later' }} onRetry={tap('retry-error')} />
        </View>
        {out('retry-error')}
        <View data-testid='kit-error-plain'>
          <ErrorState error={new Error('boom')} />
        </View>
      </Section>

      <Section title='Empty 空'>
        <View data-testid='kit-empty'>
          <Empty text='还没有内容' />
        </View>
      </Section>

      <Section title='Async 三态'>
        <View className='row' data-testid='kit-async-states'>
          {(['loading', 'error', 'empty', 'data'] as const).map((s) => (
            <Chip key={s} selected={state === s} onClick={() => setState(s)} testId={`kit-async-${s}`}>
              {s}
            </Chip>
          ))}
        </View>
        <View data-testid='kit-async'>
          <Async q={q} empty={(d) => (d.length ? false : '还没有内容')}>
            {(d) => (
              <View data-testid='kit-async-data'>
                {d.map((x) => (
                  <Text key={x} className='body block'>
                    {x}
                  </Text>
                ))}
              </View>
            )}
          </Async>
        </View>
        {out('reload')}
      </Section>

      <Section title='Field / TextInput / TextArea 表单'>
        <View data-testid='kit-field'>
          <Field label='姓名' hint='与身份证一致' error={text ? undefined : '请填写姓名'}>
            <TextInput label='姓名' value={text} onInput={setText} placeholder='请输入姓名' testId='kit-input' />
          </Field>
        </View>
        <Text className='small block' data-testid='kit-out-input'>{`input: ${text}`}</Text>
        <Field label='人数'>
          <TextInput label='人数' type='number' value={digits} onInput={setDigits} testId='kit-input-number' maxlength={4} />
        </Field>
        <Text className='small block' data-testid='kit-out-number'>{`number: ${digits}`}</Text>
        <Field label='说明'>
          <TextArea label='说明' value={long} onInput={setLong} placeholder='请描述' testId='kit-textarea' maxlength={200} />
        </Field>
        <Text className='small block' data-testid='kit-out-textarea'>{`textarea: ${long}`}</Text>
      </Section>

      <Section title='Tag 标签'>
        <View className='row' data-testid='kit-tag'>
          <Tag>一般</Tag>
          <Tag tone='good'>已解决</Tag>
          <Tag tone='warn'>待处理</Tag>
          <Tag tone='bad'>不予受理</Tag>
          <Tag tone='brand'>环境卫生</Tag>
        </View>
      </Section>

      <Section title='Chip 选项'>
        <View className='tabs' data-testid='kit-chip-one'>
          {['a', 'b', 'c'].map((k) => (
            <Chip key={k} selected={one === k} onClick={() => setOne(k)} testId={`kit-chip-${k}`}>
              {`选项${k.toUpperCase()}`}
            </Chip>
          ))}
        </View>
        <View className='row' data-testid='kit-chip-many'>
          {['x', 'y'].map((k) => (
            <Chip key={k} selected={many.includes(k)} onClick={() => setMany((m) => (m.includes(k) ? m.filter((v) => v !== k) : [...m, k]))} testId={`kit-chip-${k}`}>
              {`多选${k.toUpperCase()}`}
            </Chip>
          ))}
        </View>
      </Section>

      <Section title='LinkRow 入口'>
        <View data-testid='kit-linkrow'>
          <LinkRow title='我的说事' note='3 条' onClick={tap('row')} testId='kit-row' />
          <LinkRow title='社区公告' badge='置顶' onClick={tap('row-badge')} testId='kit-row-badge' />
        </View>
        {out('row')}
        {out('row-badge')}
      </Section>

      <Section title='PhotoField 照片'>
        <PhotoField ph={ph} testId='kit' />
        {out('add')}
        {out('retry')}
        <Text className='small block' data-testid='kit-out-photos'>{`photos: ${photos.length}`}</Text>
      </Section>

      <Section title='LocationField 位置'>
        <LocationField value={place} onChange={(p) => setPlace((v) => ({ ...v, ...p }))} testId='kit' />
        <Text className='small block' data-testid='kit-out-address'>{`address: ${place.address}`}</Text>
      </Section>

      <Section title='MatterCard 说事卡片'>
        <View data-testid='kit-matter'>
          <MatterCard matter={sampleMatter} />
        </View>
      </Section>

      <Section title='FiveListsWork 五单工作'>
        <View data-testid='kit-fivelists'>
          <FiveListsWork me={sampleMe} prefix='kit' />
        </View>
      </Section>
    </Page>
  )
}

/** A square of one colour, as a picked photo's local path would show one. */
function picture(colour: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="40" height="40" fill="${colour}"/></svg>`)}`
}

const sampleMatter = {
  id: 'kit-matter',
  sessionId: 's1',
  communityId: 'c-a',
  subdistrictId: 'sd-t',
  authorId: 'u1',
  authorName: '王秀兰',
  anonymous: false,
  category: 'environment',
  text: '小区东门的垃圾桶满了没人清理',
  photos: [],
  status: 'toFiveLists',
  secondCount: 3,
  createdAt: '2026-12-01T02:00:00.000Z',
  updatedAt: '2026-12-01T02:00:00.000Z',
  version: 0,
} as Matter

const sampleMe = {
  id: 'u2',
  displayName: '何丽',
  grants: [{ role: 'gridWorker', unitId: 'g-a1', unitPath: ['sd-t', 'c-a', 'g-a1'], unitName: '第一网格' }],
} as unknown as Me
