import { defineInstrument, type Instrument } from './defineInstrument.js';
import type { InstrumentDefinition } from './instrumentSchema.js';

/**
 * The six service-quality dimensions of seed `000_314cca147d0dd30a.txt` (提高服务质量), in the
 * seed's order.
 * @category Quality
 */
export const serviceQualityDimensionIds = /* @__PURE__ */ Object.freeze([
  'convenience',
  'communication',
  'capability',
  'attitude',
  'reliability',
  'facilities',
] as const);

/** One of the seed's six dimension ids. @category Quality */
export type ServiceQualityDimensionId = (typeof serviceQualityDimensionIds)[number];

/** The respondent groups of the default instrument. @category Quality */
export type ServiceQualityGroupId = 'external-client' | 'internal-customer';

const item = (
  id: string,
  en: string,
  zh: string,
  expectation?: [en: string, zh: string],
  reverse = false,
): InstrumentDefinition['dimensions'][number]['items'][number] => ({
  id,
  text: { en, 'zh-CN': zh },
  ...(reverse ? { reverse: true } : {}),
  ...(expectation
    ? { expectation: { id: `${id}.expected`, text: { en: expectation[0], 'zh-CN': expectation[1] } } }
    : {}),
});

const DEFINITION: InstrumentDefinition = {
  id: 'service-quality',
  version: '1.0.0',
  labels: { en: 'Agency service quality survey', 'zh-CN': '广告客户服务质量调查' },
  scale: {
    min: 1,
    max: 5,
    decimals: 0,
    anchors: {
      min: { en: 'Strongly disagree', 'zh-CN': '非常不同意' },
      max: { en: 'Strongly agree', 'zh-CN': '非常同意' },
    },
  },
  dimensions: [
    {
      id: 'convenience',
      labels: { en: 'Convenience', 'zh-CN': '方便' },
      description: { en: 'Ease of getting service, in time and place', 'zh-CN': '包括时间和地点上获得服务的方便程度' },
      items: [
        /* @__PURE__ */ item(
          'convenience.reach',
          'We can easily reach the right person at the agency when we need them.',
          '需要时,我们能方便地联系到代理公司的对口负责人。',
          [
            'An excellent agency can be reached by the right person whenever a client needs it.',
            '优秀的代理公司在客户需要时总能找到对口负责人。',
          ],
        ),
        /* @__PURE__ */ item(
          'convenience.hours',
          "The agency's service hours fit our schedule, urgent launches included.",
          '代理公司的服务时间能配合我们的安排,包括紧急投放。',
          [
            'An excellent agency fits its hours to the client, urgent launches included.',
            '优秀的代理公司会配合客户的时间安排,包括紧急投放。',
          ],
        ),
        /* @__PURE__ */ item(
          'convenience.booking',
          'Booking, changing and checking our campaigns is simple, wherever we are.',
          '无论身在何处,预订、修改和查看广告投放都很简便。',
          [
            'An excellent agency makes booking and changing campaigns simple from anywhere.',
            '优秀的代理公司让客户在任何地方都能简便地预订和修改投放。',
          ],
        ),
        /* @__PURE__ */ item(
          'convenience.steps',
          'Getting a simple request done takes too many steps.',
          '办成一件简单的事需要太多手续。',
          undefined,
          true,
        ),
      ],
    },
    {
      id: 'communication',
      labels: { en: 'Communication and understanding', 'zh-CN': '沟通与理解' },
      description: {
        en: "Puts itself in the client's shoes, communicates in time, meets needs",
        'zh-CN': '设身处地为客户着想,服务中能及时与客户沟通,竭力满足其需求',
      },
      items: [
        /* @__PURE__ */ item(
          'communication.understanding',
          'The agency understands our brand, our market and our goals.',
          '代理公司了解我们的品牌、市场和目标。',
          [
            'An excellent agency understands its client’s brand, market and goals.',
            '优秀的代理公司了解客户的品牌、市场和目标。',
          ],
        ),
        /* @__PURE__ */ item(
          'communication.timely',
          'The agency keeps us informed in time, before we have to ask.',
          '代理公司会主动、及时地向我们通报进展。',
          [
            'An excellent agency informs its clients in time, without being asked.',
            '优秀的代理公司会主动、及时地向客户通报进展。',
          ],
        ),
        /* @__PURE__ */ item(
          'communication.perspective',
          'The agency sees things from our point of view.',
          '代理公司能设身处地为我们着想。',
          ['An excellent agency sees things from the client’s point of view.', '优秀的代理公司能设身处地为客户着想。'],
        ),
      ],
    },
    {
      id: 'capability',
      labels: { en: 'Capability', 'zh-CN': '能力' },
      description: {
        en: 'Professional knowledge, skills and creativity; personalised service',
        'zh-CN': '具有相应的专业知识、专业技能和创新能力,能为客户提供个性化的服务',
      },
      items: [
        /* @__PURE__ */ item(
          'capability.expertise',
          'Our account team has the media and market knowledge our business needs.',
          '客户团队具备我们业务所需的媒体与市场专业知识。',
          [
            'An excellent agency’s team has the media and market knowledge its clients need.',
            '优秀的代理公司团队具备客户所需的媒体与市场专业知识。',
          ],
        ),
        /* @__PURE__ */ item(
          'capability.creativity',
          'The agency brings creative ideas that fit our brand.',
          '代理公司能提出契合我们品牌的创意。',
          [
            'An excellent agency brings creative ideas that fit the client’s brand.',
            '优秀的代理公司能提出契合客户品牌的创意。',
          ],
        ),
        /* @__PURE__ */ item(
          'capability.tailored',
          'Plans and reports are made for us, not a standard package.',
          '方案和报告是为我们量身定制的,而不是套用标准方案。',
          [
            'An excellent agency tailors plans and reports to each client.',
            '优秀的代理公司为每位客户量身定制方案和报告。',
          ],
        ),
        /* @__PURE__ */ item(
          'capability.analysis',
          'After our ads run, the agency analyses how they performed.',
          '广告刊播后,代理公司会分析投放效果。',
        ),
      ],
    },
    {
      id: 'attitude',
      labels: { en: 'Attitude', 'zh-CN': '态度' },
      description: {
        en:
          'Warm and courteous; field staff put the client first, back-office staff serve field staff as ' +
          'internal customers',
        'zh-CN': '热情、有礼貌;外勤员工把客户利益放在首位,内勤员工把外勤员工当作内部客户来服务',
      },
      items: [
        /* @__PURE__ */ item(
          'attitude.courtesy',
          'Agency staff are warm and courteous with us.',
          '代理公司员工对我们热情、有礼貌。',
          ['Staff of an excellent agency are warm and courteous.', '优秀的代理公司员工热情、有礼貌。'],
        ),
        /* @__PURE__ */ item(
          'attitude.clientFirst',
          'The people we deal with put our interests first.',
          '与我们打交道的员工真正把我们的利益放在首位。',
          ['Staff of an excellent agency put the client’s interests first.', '优秀的代理公司员工把客户利益放在首位。'],
        ),
        /* @__PURE__ */ item(
          'attitude.backOffice',
          'Staff behind the scenes (scheduling, billing, production) help as willingly as our account manager.',
          '后台员工(排期、结算、制作)与客户经理一样乐于协助。',
          [
            'In an excellent agency, back-office staff help as willingly as the account manager.',
            '优秀的代理公司里,后台员工与客户经理一样乐于协助。',
          ],
        ),
        /* @__PURE__ */ item(
          'attitude.complaints',
          'When we complain, the agency handles it willingly and well.',
          '我们提出投诉时,代理公司乐于且妥善地处理。',
        ),
      ],
    },
    {
      id: 'reliability',
      labels: { en: 'Reliability', 'zh-CN': '守信' },
      description: {
        en: 'The process and the promises kept make the client trust it',
        'zh-CN': '服务过程和履行承诺让客户感到可信、可靠',
      },
      items: [
        /* @__PURE__ */ item(
          'reliability.promises',
          'The agency does what it promises, when it promises.',
          '代理公司说到做到,按时兑现承诺。',
          ['An excellent agency does what it promises, when it promises.', '优秀的代理公司说到做到,按时兑现承诺。'],
        ),
        /* @__PURE__ */ item(
          'reliability.quotes',
          'We get the same price whoever at the agency we speak to.',
          '无论与代理公司的哪位员工洽谈,报价都一致。',
          [
            'An excellent agency quotes the same price whoever the client speaks to.',
            '优秀的代理公司无论由谁洽谈,报价都一致。',
          ],
        ),
        /* @__PURE__ */ item(
          'reliability.accuracy',
          'Our ads run as booked, without errors.',
          '广告按预订刊播,没有差错。',
          ['At an excellent agency, ads run as booked, without errors.', '优秀的代理公司能让广告按预订刊播,没有差错。'],
        ),
        /* @__PURE__ */ item(
          'reliability.surprises',
          'We have had charges or changes we did not agree to.',
          '我们曾遇到未经同意的收费或变更。',
          undefined,
          true,
        ),
      ],
    },
    {
      id: 'facilities',
      labels: { en: 'Service facilities', 'zh-CN': '服务设施' },
      description: { en: 'The facilities used fit the service', 'zh-CN': '服务中使用的设施与服务内容相适应' },
      items: [
        /* @__PURE__ */ item(
          'facilities.tools',
          "The agency's booking and reporting tools fit the service we buy.",
          '代理公司的预订和报告工具与所提供的服务相适应。',
          [
            'An excellent agency’s booking and reporting tools fit the service it sells.',
            '优秀的代理公司的预订和报告工具与其服务相适应。',
          ],
        ),
        /* @__PURE__ */ item(
          'facilities.materials',
          'Proposals, reports and other materials look professional.',
          '方案、报告等材料显得专业。',
          ['An excellent agency’s proposals and reports look professional.', '优秀的代理公司的方案和报告显得专业。'],
        ),
        /* @__PURE__ */ item(
          'facilities.data',
          'We can see our campaign data and history whenever we need them.',
          '我们随时能查看投放数据和历史记录。',
          [
            'An excellent agency lets clients see their campaign data at any time.',
            '优秀的代理公司让客户随时能查看投放数据。',
          ],
        ),
      ],
    },
  ],
  groups: [
    {
      id: 'external-client',
      labels: { en: 'External client', 'zh-CN': '外部客户' },
      description: { en: 'Advertisers served by field staff', 'zh-CN': '由外勤员工服务的广告客户' },
    },
    {
      id: 'internal-customer',
      labels: { en: 'Internal customer', 'zh-CN': '内部客户' },
      description: {
        en: 'Field staff served by back-office staff (seed 000: internal customers)',
        'zh-CN': '由内勤员工服务的外勤员工(内部客户)',
      },
    },
  ],
  standard: '60',
};

/**
 * The default service-quality instrument: the six dimensions of seed `000_314cca147d0dd30a.txt`
 * (方便, 沟通与理解, 能力, 态度, 守信, 服务设施) with three or four items each, written for an
 * advertising agency's clients in English and Chinese; a 1–5 agreement scale; reverse-coded items
 * in convenience and reliability; a paired expectation item for the first three items of every
 * dimension (SERVQUAL); the respondent groups external client and internal customer (the seed's
 * back-office staff serving field staff); service standard 60 (3.4 of 5). No importance weights:
 * the seed gives none, so ask respondents for a 100-point allocation or set your own.
 *
 * @example
 * ```ts
 * import { serviceQualityInstrument } from 'clientele';
 * serviceQualityInstrument.dimensions.map((d) => d.labels['zh-CN']).join('、');
 * // 方便、沟通与理解、能力、态度、守信、服务设施
 * ```
 * @category Quality
 */
export const serviceQualityInstrument: Instrument = /* @__PURE__ */ defineInstrument(DEFINITION);
