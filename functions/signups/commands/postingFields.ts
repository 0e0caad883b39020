import type { TextField } from '../../platform/contentSecurity';

/** What residents read of an event or an activity, for WeChat's content check (contentSecurity.ts › screenStaffText). */
export function postingFields(input: { title?: string; description?: string; place?: string }): TextField[] {
  return [
    { name: 'title', zh: '标题', en: 'title', text: input.title },
    { name: 'description', zh: '介绍', en: 'description', text: input.description },
    { name: 'place', zh: '地点', en: 'place', text: input.place },
  ];
}
