import type { Message } from './messages'

/** The work summary's texts (工作总结); registered when its subpackage loads. zhPlain / enPlain: elder mode's plain words. */
export const workSummaryMessages = {
  'ws.title': { zh: '工作总结', en: 'Work summary', zhPlain: '工作总结', enPlain: 'Our work in figures' },
  'ws.unit': { zh: '单位', en: 'Unit', zhPlain: '看哪里的', enPlain: 'Which place' },
  'ws.period': { zh: '时段', en: 'Period', zhPlain: '看哪段时间', enPlain: 'Which time' },
  'ws.noUnit': { zh: '您没有可以查看工作总结的单位', en: 'You have no unit whose summary you may read' },
  'ws.comparedWith': { zh: '与{period}相比', en: 'Compared with {period}', zhPlain: '和{period}比', enPlain: 'Against {period}' },
  'ws.up': { zh: '比上期多 {n}', en: '{n} more than before', zhPlain: '多了 {n}', enPlain: '{n} more' },
  'ws.down': { zh: '比上期少 {n}', en: '{n} fewer than before', zhPlain: '少了 {n}', enPlain: '{n} fewer' },
  'ws.same': { zh: '与上期持平', en: 'Same as before', zhPlain: '和上次一样', enPlain: 'Same as before' },
  'ws.rateChange': { zh: '比上期 {sign}{n} 个百分点', en: '{sign}{n} points on before', zhPlain: '比上次 {sign}{n} 个百分点', enPlain: '{sign}{n} points' },
  'ws.previous': { zh: '上期 {value}', en: 'Before: {value}', zhPlain: '上次 {value}', enPlain: 'Before: {value}' },
  'ws.barNow': { zh: '本期', en: 'This period', zhPlain: '这次', enPlain: 'Now' },
  'ws.barBefore': { zh: '上期', en: 'Before', zhPlain: '上次', enPlain: 'Before' },
  'ws.openRecords': { zh: '查看{figure}的台账', en: 'Open the records behind {figure}', zhPlain: '看{figure}的明细', enPlain: 'See the list for {figure}' },
  'ws.text': { zh: '总结表述', en: 'The summary says', zhPlain: '文字总结', enPlain: 'In words' },
  'ws.exportXlsx': { zh: '导出 Excel 表格', en: 'Export the figures (xlsx)', zhPlain: '下载表格', enPlain: 'Download the table' },
  'ws.exportDocx': { zh: '导出 Word 文档', en: 'Export the report (Word)', zhPlain: '下载总结文档', enPlain: 'Download the report' },
  'ws.exported': { zh: '已导出 {name}', en: 'Exported {name}', zhPlain: '已下载 {name}', enPlain: 'Downloaded {name}' },
  'ws.yuan': { zh: '{n}元', en: '¥{n}' },
  'ws.hours': { zh: '{n}小时', en: '{n} h' },
  'ws.noLedgers': { zh: '还没有台账统计数字', en: 'No ledger keeps figures yet' },
} satisfies Record<string, Message>
