-- The four target profiles of metrics.md, taken from the seed policy documents. Percentages are
-- stored as printed (60 means 60 %). Rows with comparator '=' are thresholds that an indicator's
-- definition uses (a minimum area, a count per district), not targets to be judged.
-- Operators add a profile with more rows of the same shape (README, "Target profiles").

INSERT INTO target_profile (name, title, source_doc) VALUES
 ('shijiazhuang-2020', '石家庄市“三社联动”实施意见（2020年目标）', '关于推进“三社联动”加快社区治理现代化的实施意见'),
 ('gansu-2015',        '甘肃省“十二五”社区服务体系建设实施方案（2015年目标）', '甘政办发〔2012〕192号'),
 ('changzhi-2020',     '长治市深入推进“三社联动”实施意见（2020年目标）', '长民发〔2017〕138号'),
 ('ningbo-2013',       '宁波市社区建设水平（2013年对标值）', '发挥社区在社会治理中的基础作用 提升社区建设和服务水平');

INSERT INTO profile_target (profile, target_key, variant, comparator, value, unit, note) VALUES
 ('shijiazhuang-2020', 'FAC_COMMUNITY_COVERAGE',     'all', '>=', 100,  '%',  NULL),
 ('shijiazhuang-2020', 'FAC_STREET_CENTER_COVERAGE', '',    '>=', 100,  '%',  NULL),
 ('shijiazhuang-2020', 'FAC_STREET_CENTER_MIN_AREA', '',    '=',  500,  'm2', '街道中心面积下限'),
 ('shijiazhuang-2020', 'INC_COUNT',                  'all', '>=', 10,   '个', '全市孵化基地'),
 ('shijiazhuang-2020', 'INC_CITY_MIN_AREA',          '',    '=',  600,  'm2', '市级基地面积下限'),
 ('shijiazhuang-2020', 'INC_DISTRICT_MIN_AREA',      '',    '=',  300,  'm2', '区级基地面积下限'),
 ('shijiazhuang-2020', 'INC_STREET_PER_DISTRICT',    '',    '=',  3,    '个', '每区街道级基地数'),
 ('shijiazhuang-2020', 'INC_CITY_OK',                '',    '>=', 1,    '个', NULL),
 ('shijiazhuang-2020', 'INC_DISTRICT_OK',            '',    '>=', 100,  '%',  NULL),
 ('shijiazhuang-2020', 'INC_STREET_PER_DISTRICT_OK', '',    '>=', 100,  '%',  NULL),
 ('shijiazhuang-2020', 'STF_PROFESSIONALS',          '',    '>=', 3000, '人', '全市'),
 ('shijiazhuang-2020', 'STF_COMMITTEE_CERT_RATE',    '',    '>=', 60,   '%',  NULL),
 ('shijiazhuang-2020', 'STF_POSTS_PER_10000',        '',    '=',  2,    '个', '每万人社工岗位'),
 ('shijiazhuang-2020', 'STF_POSTS_PER_POP_OK',       '',    '>=', 100,  '%',  NULL),
 ('shijiazhuang-2020', 'STF_AGENCIES',               '',    '>',  50,   '家', '全市'),
 ('shijiazhuang-2020', 'ORG_PER_COMMUNITY_URBAN',    '',    '=',  10,   '个', '城市社区社会组织数'),
 ('shijiazhuang-2020', 'ORG_PER_COMMUNITY_OK',       '',    '>=', 100,  '%',  NULL),

 ('gansu-2015', 'FAC_COMMUNITY_COVERAGE',     'all', '>=', 100, '%',  NULL),
 ('gansu-2015', 'FAC_COMMUNITY_MIN_AREA',     '',    '=',  300, 'm2', '社区设施面积下限'),
 ('gansu-2015', 'FAC_COMMUNITY_AREA_OK',      '',    '>=', 100, '%',  NULL),
 ('gansu-2015', 'FAC_AREA_PER_100_HH',        '',    '>=', 20,  'm2', NULL),
 ('gansu-2015', 'FAC_STREET_CENTER_COVERAGE', '',    '>=', 100, '%',  NULL),
 ('gansu-2015', 'FAC_STREET_CENTER_MIN_AREA', '',    '=',  800, 'm2', '街道中心面积下限'),
 ('gansu-2015', 'FAC_STREET_CENTER_AREA_OK',  '',    '>=', 100, '%',  NULL),
 ('gansu-2015', 'STF_COMMITTEE_WITH_CERT',    '',    '>=', 100, '%',  NULL),
 ('gansu-2015', 'STF_COLLEGE_RATE',           '',    '>=', 50,  '%',  NULL),
 ('gansu-2015', 'ORG_PER_COMMUNITY_URBAN',    '',    '=',  5,   '个', '城市社区社会组织数'),
 ('gansu-2015', 'ORG_PER_COMMUNITY_RURAL',    '',    '=',  5,   '个', '3000人以上农村社区社会组织数'),
 ('gansu-2015', 'ORG_PER_COMMUNITY_OK',       '',    '>=', 100, '%',  NULL),

 ('changzhi-2020', 'FAC_COMMUNITY_COVERAGE',   'all',   '>=', 100, '%',  NULL),
 ('changzhi-2020', 'FAC_COMMUNITY_MIN_AREA',   '',      '=',  500, 'm2', '社区设施面积下限'),
 ('changzhi-2020', 'FAC_COMMUNITY_AREA_OK',    '',      '>=', 100, '%',  NULL),
 ('changzhi-2020', 'STF_PRO_PER_COMMUNITY_URBAN', '',   '=',  2,   '人', '城市社区专业人才'),
 ('changzhi-2020', 'STF_PRO_PER_COMMUNITY_RURAL', '',   '=',  1,   '人', '农村社区专业人才'),
 ('changzhi-2020', 'STF_PRO_PER_COMMUNITY_OK', '',      '>=', 100, '%',  NULL),
 ('changzhi-2020', 'STF_AGENCIES',             'per_urban_district', '>=', 3, '家', '每个城区'),
 ('changzhi-2020', 'ORG_PER_COMMUNITY_URBAN',  '',      '=',  10,  '个', '城市社区社会组织数'),
 ('changzhi-2020', 'ORG_PER_COMMUNITY_RURAL',  '',      '=',  5,   '个', '3000人以上农村社区社会组织数'),
 ('changzhi-2020', 'ORG_PER_COMMUNITY_OK',     '',      '>=', 100, '%',  NULL),

 ('ningbo-2013', 'FAC_AREA_PER_100_HH',     '', '>=', 40,  'm2', NULL),
 ('ningbo-2013', 'STF_COMMITTEE_CERT_RATE', '', '>=', 40,  '%',  NULL),
 ('ningbo-2013', 'STF_COLLEGE_RATE',        '', '>=', 86,  '%',  NULL),
 ('ningbo-2013', 'STF_HH_PER_WORKER',       '', '<=', 250, '户', NULL),
 ('ningbo-2013', 'ORG_AVG_PER_COMMUNITY',   '', '>=', 15,  '个', NULL);
