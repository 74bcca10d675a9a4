/**
 * What the demo's clinical records say: common primary-care conditions with their ICD-10-CM
 * (FY2026, US CMS, public domain) code and title, and short SOAP notes a doctor might write.
 * `{…}` placeholders are filled from the visit's vitals.
 */
export type DemoCondition = {
  code: string;
  title: string;
  /** Long-term: kept on the problem list and seen again at follow-ups. */
  chronic: boolean;
  reason: string;
  subjective: string;
  objective: string;
  assessment: string;
  plan: string;
};

export const CODE_SYSTEM = "ICD-10-CM FY2026";

export const CHRONIC_CONDITIONS: DemoCondition[] = [
  {
    code: "I10",
    title: "Essential (primary) hypertension",
    chronic: true,
    reason: "Blood pressure review",
    subjective: "Here for blood pressure review. Taking amlodipine daily, no side effects. No chest pain.",
    objective: "BP {bp} mmHg, HR {hr}/min. Heart sounds normal, no ankle swelling.",
    assessment: "Essential hypertension, {bpControl}.",
    plan: "Continue amlodipine 5 mg daily. Home readings twice a week. Review in 3 months.",
  },
  {
    code: "E11.9",
    title: "Type 2 diabetes mellitus without complications",
    chronic: true,
    reason: "Diabetes review",
    subjective: "Diabetes review. Home fasting readings mostly 6 to 8 mmol/L. No hypos.",
    objective: "Weight {weight} kg, BP {bp} mmHg. Feet: pulses present, sensation intact.",
    assessment: "Type 2 diabetes, stable on metformin.",
    plan: "Continue metformin 500 mg twice daily. HbA1c and kidney function before the next visit.",
  },
  {
    code: "J45.909",
    title: "Unspecified asthma, uncomplicated",
    chronic: true,
    reason: "Asthma review",
    subjective: "Night-time wheeze about twice a week, more reliever use in cold weather.",
    objective: "SpO2 {spo2}%. Scattered expiratory wheeze, no distress.",
    assessment: "Asthma, partly controlled.",
    plan: "Start regular inhaled steroid. Inhaler technique checked. Written asthma action plan given.",
  },
  {
    code: "F41.1",
    title: "Generalized anxiety disorder",
    chronic: true,
    reason: "Anxiety follow-up",
    subjective: "Worrying most days, poor sleep, tension headaches. Coping at work.",
    objective: "Alert, good eye contact, speech normal. No thoughts of self-harm.",
    assessment: "Generalized anxiety disorder, improving slowly.",
    plan: "Talking therapy referral. Sleep hygiene advice. Review in 4 weeks.",
  },
  {
    code: "E78.5",
    title: "Hyperlipidemia, unspecified",
    chronic: true,
    reason: "Cholesterol results",
    subjective: "Came for cholesterol results. Eating less fried food, walking most days.",
    objective: "Weight {weight} kg, BP {bp} mmHg.",
    assessment: "Raised cholesterol, 10-year cardiovascular risk moderate.",
    plan: "Atorvastatin 20 mg at night. Repeat lipids and liver tests in 3 months.",
  },
  {
    code: "E03.9",
    title: "Hypothyroidism, unspecified",
    chronic: true,
    reason: "Thyroid review",
    subjective: "Less tired since starting levothyroxine. No palpitations.",
    objective: "HR {hr}/min, weight {weight} kg.",
    assessment: "Hypothyroidism, on replacement.",
    plan: "Continue levothyroxine 50 micrograms. TSH in 6 weeks.",
  },
];

export const ACUTE_CONDITIONS: DemoCondition[] = [
  {
    code: "M54.50",
    title: "Low back pain, unspecified",
    chronic: false,
    reason: "Back pain",
    subjective: "Low back pain for 10 days after lifting boxes. No leg symptoms, bladder normal.",
    objective: "Tender lumbar muscles, straight leg raise negative, reflexes normal.",
    assessment: "Mechanical low back pain, no red flags.",
    plan: "Keep active, ibuprofen with food as needed. Physiotherapy if not better in 4 weeks.",
  },
  {
    code: "J06.9",
    title: "Acute upper respiratory infection, unspecified",
    chronic: false,
    reason: "Cough and sore throat",
    subjective: "Sore throat, runny nose and dry cough for 3 days.",
    objective: "Temp {temp} °C. Throat mildly red, chest clear, SpO2 {spo2}%.",
    assessment: "Viral upper respiratory infection.",
    plan: "Fluids and paracetamol. Come back if breathless or not better in 10 days.",
  },
  {
    code: "J02.9",
    title: "Acute pharyngitis, unspecified",
    chronic: false,
    reason: "Sore throat",
    subjective: "Sore throat for 2 days, painful swallowing, no cough.",
    objective: "Temp {temp} °C. Tonsils red without exudate, small tender neck glands.",
    assessment: "Acute pharyngitis, most likely viral.",
    plan: "Salt-water gargles and paracetamol. No antibiotics needed now.",
  },
  {
    code: "N39.0",
    title: "Urinary tract infection, site not specified",
    chronic: false,
    reason: "Burning on passing urine",
    subjective: "Burning and frequency for 2 days. No fever, no loin pain.",
    objective: "Temp {temp} °C. Urine dipstick positive for leucocytes and nitrites.",
    assessment: "Uncomplicated lower urinary tract infection.",
    plan: "Nitrofurantoin for 3 days. Drink plenty. Return if fever or loin pain.",
  },
  {
    code: "R51.9",
    title: "Headache, unspecified",
    chronic: false,
    reason: "Headaches",
    subjective: "Headaches most afternoons for 2 weeks, worse with screen work.",
    objective: "BP {bp} mmHg. Neurological examination normal, fundi normal.",
    assessment: "Tension-type headache.",
    plan: "Regular breaks from screens, fluids, simple painkillers at most 2 days a week.",
  },
  {
    code: "Z00.00",
    title: "Encounter for general adult medical examination without abnormal findings",
    chronic: false,
    reason: "Annual check-up",
    subjective: "Routine check-up, no concerns. Non-smoker, drinks little.",
    objective: "BP {bp} mmHg, weight {weight} kg, BMI {bmi}.",
    assessment: "Healthy adult examination, nothing abnormal found.",
    plan: "Screening as due. Next check-up in one year.",
  },
];

export const DRAFT_NOTE = {
  subjective: "Follow-up. Feeling better than last time, still some tiredness in the evenings.",
  objective: "BP {bp} mmHg, HR {hr}/min.",
};

export const DEMO_ALLERGIES = [
  { substance: "Penicillin", category: "DRUG", manifestation: "Hives", severity: "MODERATE" },
  { substance: "Peanut", category: "FOOD", manifestation: "Anaphylaxis", severity: "SEVERE" },
  { substance: "Sulfonamides", category: "DRUG", manifestation: "Rash", severity: "MILD" },
  { substance: "Latex", category: "ENVIRONMENT", manifestation: "Itchy skin", severity: "MILD" },
  { substance: "Shellfish", category: "FOOD", manifestation: "Lip swelling", severity: "MODERATE" },
  {
    substance: "Grass pollen",
    category: "ENVIRONMENT",
    manifestation: "Sneezing, itchy eyes",
    severity: "MILD",
  },
  { substance: "Ibuprofen", category: "DRUG", manifestation: "Wheeze", severity: "MODERATE" },
] as const;

export const DEMO_VACCINES = [
  { vaccine: "Influenza (seasonal)", everyYear: true },
  { vaccine: "COVID-19 mRNA", everyYear: true },
  { vaccine: "Tdap (tetanus, diphtheria, pertussis)", everyYear: false },
  { vaccine: "Pneumococcal conjugate (PCV20)", everyYear: false },
] as const;

/** Fills `{name}` placeholders; unknown ones stay as written. */
export function fillText(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    values[name] === undefined ? match : String(values[name]),
  );
}
