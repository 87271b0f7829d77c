"""Relation rules, from entity lists written by hand."""
import pytest

from nlp.lexicon.relations import E, city_provinces, person_titles


def ents_of(text, marked):
    """Build entities from (surface, label) pairs, each found after the previous one."""
    out, pos = [], 0
    for surface, label in marked:
        i = text.index(surface, pos)
        out.append(E(i, i + len(surface), label, surface))
        pos = i + len(surface)
    return out


CASES = [
    ("青岛市委副书记、市长赵豪志出席", [("青岛市委", "ORG"), ("副书记", "TITLE"), ("市长", "TITLE"), ("赵豪志", "PERSON")],
     [("赵豪志", "副书记", "青岛市委"), ("赵豪志", "市长", "青岛市")]),
    ("武汉市副市长李明表示", [("武汉市", "GPE"), ("副市长", "TITLE"), ("李明", "PERSON")],
     [("李明", "副市长", "武汉市")]),
    ("中国驻法国大使王强会见", [("中国", "GPE"), ("法国", "GPE"), ("大使", "TITLE"), ("王强", "PERSON")],
     [("王强", "大使", "中国")]),
    ("李克强总理主持会议", [("李克强", "PERSON"), ("总理", "TITLE")], [("李克强", "总理", None)]),
    ("民航总局陈光毅局长到大理考察", [("民航总局", "ORG"), ("陈光毅", "PERSON"), ("局长", "TITLE")],
     [("陈光毅", "局长", "民航总局")]),
    ("会见民航总局、陈光毅局长", [("民航总局", "ORG"), ("陈光毅", "PERSON"), ("局长", "TITLE")],
     [("陈光毅", "局长", None)]),
    ("宽带发展联盟理事长、中国工程院院士邬贺铨演讲",
     [("宽带发展联盟", "ORG"), ("理事长", "TITLE"), ("中国工程院", "ORG"), ("院士", "TITLE"), ("邬贺铨", "PERSON")],
     [("邬贺铨", "理事长", "宽带发展联盟"), ("邬贺铨", "院士", "中国工程院")]),
    ("总经理陈忠岳、副总经理简勤出席", [("总经理", "TITLE"), ("陈忠岳", "PERSON"), ("副总经理", "TITLE"), ("简勤", "PERSON")],
     [("陈忠岳", "总经理", None), ("简勤", "副总经理", None)]),
    # an organisation written partly outside the entities
    ("河南省发展和改革委员会主任孙浩介绍", [("河南省", "GPE"), ("主任", "TITLE"), ("孙浩", "PERSON")],
     [("孙浩", "主任", "河南省发展和改革委员会")]),
    ("海关总署统计分析司副司长吕岩说", [("海关总署", "ORG"), ("副司长", "TITLE"), ("吕岩", "PERSON")],
     [("吕岩", "副司长", "海关总署统计分析司")]),
    ("商务部新闻发言人、外贸司司长郑伟表示",
     [("商务部", "ORG"), ("新闻发言人", "TITLE"), ("司长", "TITLE"), ("郑伟", "PERSON")],
     [("郑伟", "新闻发言人", "商务部"), ("郑伟", "司长", "外贸司")]),
    # 公司/集团 refers to the company named before
    ("华远新材料股份有限公司发布年报。公司董事长、总经理林涛表示",
     [("华远新材料股份有限公司", "ORG"), ("董事长", "TITLE"), ("总经理", "TITLE"), ("林涛", "PERSON")],
     [("林涛", "董事长", "华远新材料股份有限公司"), ("林涛", "总经理", "华远新材料股份有限公司")]),
    ("南方电力集团有限公司召开大会，集团党委书记吴刚讲话",
     [("南方电力集团有限公司", "ORG"), ("党委书记", "TITLE"), ("吴刚", "PERSON")],
     [("吴刚", "党委书记", "南方电力集团有限公司")]),
    # ambassadors: the sending country, also with 驻华 as a word
    ("日本驻华大使山田一郎到访", [("日本", "GPE"), ("大使", "TITLE"), ("山田一郎", "PERSON")],
     [("山田一郎", "大使", "日本")]),
    # 任命…为, 担任 (a former post counts)
    ("董事会决定聘任赵磊为公司财务总监。", [("赵磊", "PERSON"), ("财务总监", "TITLE")], [("赵磊", "财务总监", None)]),
    ("星海科技有限公司董事会聘任赵磊为公司财务总监。",
     [("星海科技有限公司", "ORG"), ("赵磊", "PERSON"), ("财务总监", "TITLE")],
     [("赵磊", "财务总监", "星海科技有限公司")]),
    ("董事会聘任王刚、刘洋和陈伟为公司副总经理。",   # the persons listed after the verb share the post
     [("王刚", "PERSON"), ("刘洋", "PERSON"), ("陈伟", "PERSON"), ("副总经理", "TITLE")],
     [("王刚", "副总经理", None), ("刘洋", "副总经理", None), ("陈伟", "副总经理", None)]),
    ("国务院任命孙立为国家统计局局长。",
     [("国务院", "ORG"), ("孙立", "PERSON"), ("国家统计局", "ORG"), ("局长", "TITLE")],
     [("孙立", "局长", "国家统计局")]),
    ("星海科技有限公司董事长兼总裁王磊说", [("星海科技有限公司", "ORG"), ("董事长", "TITLE"), ("总裁", "TITLE"),
                                   ("王磊", "PERSON")],
     [("王磊", "董事长", "星海科技有限公司"), ("王磊", "总裁", "星海科技有限公司")]),  # 兼 joins posts
    ("免去周林的国家统计局副局长职务。",
     [("周林", "PERSON"), ("国家统计局", "ORG"), ("副局长", "TITLE")],
     [("周林", "副局长", "国家统计局")]),
    ("2016年3月，张锐钢任蓝海航运有限公司董事长。",
     [("张锐钢", "PERSON"), ("蓝海航运有限公司", "ORG"), ("董事长", "TITLE")],
     [("张锐钢", "董事长", "蓝海航运有限公司")]),  # 任 alone
    # a bare 县委 names no place: the government title after it gets no organisation
    ("县委副书记、县长郑十调研。", [("县委", "ORG"), ("副书记", "TITLE"), ("县长", "TITLE"), ("郑十", "PERSON")],
     [("郑十", "副书记", "县委"), ("郑十", "县长", None)]),
    ("李强当选为江苏省政协主席。", [("李强", "PERSON"), ("江苏省政协", "ORG"), ("主席", "TITLE")],
     [("李强", "主席", "江苏省政协")]),
    ("张伟被任命为国家统计局副局长。", [("张伟", "PERSON"), ("国家统计局", "ORG"), ("副局长", "TITLE")],
     [("张伟", "副局长", "国家统计局")]),
    ("这是信任蓝海航运有限公司总经理的表现。",
     [("蓝海航运有限公司", "ORG"), ("总经理", "TITLE")], []),  # the 任 of 信任
    ("蓝海航运有限公司公告称，郑宇此前担任公司副总经理。",
     [("蓝海航运有限公司", "ORG"), ("郑宇", "PERSON"), ("副总经理", "TITLE")],
     [("郑宇", "副总经理", "蓝海航运有限公司")]),
    # brackets and appositions
    ("会见了马丁（法国外交部副部长）。", [("马丁", "PERSON"), ("法国外交部", "ORG"), ("副部长", "TITLE")],
     [("马丁", "副部长", "法国外交部")]),
    ("陈静，厦门大学教授，长期研究海洋生态。", [("陈静", "PERSON"), ("厦门大学", "ORG"), ("教授", "TITLE")],
     [("陈静", "教授", "厦门大学")]),
    # shared titles; a title after a coordinated person takes that person's organisation
    ("杭州市副市长王平、李娟出席", [("杭州市", "GPE"), ("副市长", "TITLE"), ("王平", "PERSON"), ("李娟", "PERSON")],
     [("王平", "副市长", "杭州市"), ("李娟", "副市长", "杭州市")]),
    ("浙江大学党委书记周红、校长钱伟出席", [("浙江大学", "ORG"), ("党委书记", "TITLE"), ("周红", "PERSON"),
                                     ("校长", "TITLE"), ("钱伟", "PERSON")],
     [("周红", "党委书记", "浙江大学"), ("钱伟", "校长", "浙江大学")]),
    ("南京市委书记韩明、市长许东出席", [("南京市委", "ORG"), ("书记", "TITLE"), ("韩明", "PERSON"),
                                 ("市长", "TITLE"), ("许东", "PERSON")],
     [("韩明", "书记", "南京市委"), ("许东", "市长", "南京市")]),
    # negatives: a list of people with titles is no apposition; no org in the text gives None
    ("出席的有市长张华，副市长李强。", [("市长", "TITLE"), ("张华", "PERSON"), ("副市长", "TITLE"), ("李强", "PERSON")],
     [("张华", "市长", None), ("李强", "副市长", None)]),
    ("报告首席科学家林峰介绍", [("首席科学家", "TITLE"), ("林峰", "PERSON")], [("林峰", "首席科学家", None)]),
    # a biography's opening fields (gender, ethnicity) before the post
    ("张鹰，男，汉族，教授，1984年毕业", [("张鹰", "PERSON"), ("教授", "TITLE"), ("1984年", "DATE")],
     [("张鹰", "教授", None)]),
    # a surname + title refers back to the one person of that surname named before ...
    ("访问学者单兴缘表示感谢。单教授说，", [("单兴缘", "PERSON"), ("教授", "TITLE")], [("单兴缘", "教授", None)]),
    # ... not when two people share it, nor after 老/小
    ("王明和王刚来了。王书记说，", [("王明", "PERSON"), ("王刚", "PERSON"), ("书记", "TITLE")], []),
    ("王明来了。老王书记说，", [("王明", "PERSON"), ("书记", "TITLE")], []),
    # a copula after the person, or opening a later clause of the person's sentence
    ("张伟是阿里巴巴集团的首席执行官。", [("张伟", "PERSON"), ("阿里巴巴集团", "ORG"), ("首席执行官", "TITLE")],
     [("张伟", "首席执行官", "阿里巴巴集团")]),
    ("张伟曾是华为公司总裁。", [("张伟", "PERSON"), ("华为公司", "ORG"), ("总裁", "TITLE")], [("张伟", "总裁", "华为公司")]),
    ("刘流曾经是本山传媒的副总裁", [("刘流", "PERSON"), ("本山传媒", "ORG"), ("副总裁", "TITLE")],
     [("刘流", "副总裁", "本山传媒")]),
    # a short name the rules read no ORG in, between a holding verb and the post
    ("张三担任巨人网络总裁", [("张三", "PERSON"), ("总裁", "TITLE")], [("张三", "总裁", "巨人网络")]),
    ("张三担任该校校长", [("张三", "PERSON"), ("校长", "TITLE")], [("张三", "校长", None)]),
    # the agent of a passive appoints; the subject holds the post
    ("杨虎城率部盘踞在陕西，并被蒋介石任命为陕西省主席", [("杨虎城", "PERSON"), ("陕西", "GPE"), ("蒋介石", "PERSON"),
                                          ("陕西省", "GPE"), ("主席", "TITLE")], [("杨虎城", "主席", "陕西省")]),
    # a name or a title only inside a work's title holds nothing
    ("收录于《谢谢总经理》中", [("谢谢", "PERSON"), ("总经理", "TITLE")], []),
    ("编辑出版了《周恩来、邓颖超珍藏书画选》画册，任主编", [("周恩来", "PERSON"), ("邓颖超", "PERSON"), ("主编", "TITLE")], []),
    # a role joined by 兼 between the titles and the name
    ("时任三五互联董事、董事会秘书兼财务负责人杨小亮申请离职",
     [("三五互联", "ORG"), ("董事", "TITLE"), ("董事会秘书", "TITLE"), ("杨小亮", "PERSON")],
     [("杨小亮", "董事", "三五互联"), ("杨小亮", "董事会秘书", "三五互联")]),
    # a gender word between the place and the post
    ("莎拉，菲律宾达沃市女市长，", [("莎拉", "PERSON"), ("菲律宾", "GPE"), ("达沃市", "GPE"), ("市长", "TITLE")],
     [("莎拉", "市长", "达沃市")]),
    # a list of posts goes on past a body the rules did not read (，行署|秘书长)
    ("莫怀历任粤西行署工商处副处长，行署秘书长、粤西行署副主任等职",
     [("莫怀", "PERSON"), ("粤西行署工商处", "ORG"), ("副处长", "TITLE"), ("秘书长", "TITLE"), ("粤西行署", "ORG"),
      ("副主任", "TITLE")],
     [("莫怀", "副处长", "粤西行署工商处"), ("莫怀", "秘书长", None), ("莫怀", "副主任", "粤西行署")]),
    # a holding verb with its aspect particle 过 (a former post)
    ("赵勇在谷歌研究院担任过高级研究员", [("赵勇", "PERSON"), ("谷歌研究院", "ORG"), ("高级研究员", "TITLE")],
     [("赵勇", "高级研究员", "谷歌研究院")]),
    # 代 between coordinated titles, and an ordinal between the place and the title
    ("杭州市委副书记、代市长姚高员", [("杭州市委", "ORG"), ("副书记", "TITLE"), ("市长", "TITLE"), ("姚高员", "PERSON")],
     [("姚高员", "副书记", "杭州市委"), ("姚高员", "市长", "杭州市")]),
    ("美国第44任总统奥巴马", [("美国", "GPE"), ("总统", "TITLE"), ("奥巴马", "PERSON")], [("奥巴马", "总统", "美国")]),
    # & and / join two titles like 、
    ("森影传媒CEO&董事长左森", [("森影传媒", "ORG"), ("CEO", "TITLE"), ("董事长", "TITLE"), ("左森", "PERSON")],
     [("左森", "CEO", "森影传媒"), ("左森", "董事长", "森影传媒")]),
    # a paper in title marks before the post, after a biography's fields
    ("蒋弘，女，1960年2月出生于江西省，现任《中国图书馆学报》常务副主编",
     [("蒋弘", "PERSON"), ("1960年2月", "DATE"), ("江西省", "GPE"), ("中国图书馆学报", "ORG"), ("常务副主编", "TITLE")],
     [("蒋弘", "常务副主编", "中国图书馆学报")]),
    # a bureau's party committee by its kind alone; a grade between the titles and the name
    ("安阳市政府党组成员、副厅级干部张善飞讲话", [("安阳市政府", "ORG"), ("党组成员", "TITLE"), ("张善飞", "PERSON")],
     [("张善飞", "党组成员", "安阳市政府")]),
    # the object of a preposition in an earlier clause is not the subject who holds the post
    ("王丽1974年出生，1999年与李强结婚，2006年担任品牌首席设计师",
     [("王丽", "PERSON"), ("李强", "PERSON"), ("首席设计师", "TITLE")], [("王丽", "首席设计师", None)]),
    # a stock code between the company and the post
    ("辽宁成大(600739)董事长尚书志", [("辽宁成大", "ORG"), ("董事长", "TITLE"), ("尚书志", "PERSON")],
     [("尚书志", "董事长", "辽宁成大")]),
    # a supervisor's qualification is no post held (the real gold marks it optional)
    ("陈欣，女，教授、硕士生导师，", [("陈欣", "PERSON"), ("教授", "TITLE"), ("硕士生导师", "TITLE")],
     [("陈欣", "教授", None)]),
    ("李健与庾澄庆、周杰伦一起成为导师", [("李健", "PERSON"), ("庾澄庆", "PERSON"), ("周杰伦", "PERSON"), ("导师", "TITLE")],
     []),
    # 在 + a place or body + 任 + the post: the post is that body's
    ("王五曾在甘肃省天水市任副市长", [("王五", "PERSON"), ("甘肃省", "GPE"), ("天水市", "GPE"), ("副市长", "TITLE")],
     [("王五", "副市长", "天水市")]),
    # a body the rules did not read, named in a bracket after the person right before the titles
    ("孙正义（软银董事长兼总裁）说", [("孙正义", "PERSON"), ("董事长", "TITLE"), ("总裁", "TITLE")],
     [("孙正义", "董事长", "软银"), ("孙正义", "总裁", "软银")]),
    ("张三（现任董事长）说", [("张三", "PERSON"), ("董事长", "TITLE")], [("张三", "董事长", None)]),   # no org 现任
    # a biography's fields: an age, a date of joining the party or work, then 现任 and the posts
    ("张翔刚，男，53岁，土家族，1981年8月参加工作，1985年1月加入中国共产党，大学学历，现任思南中学校长，",
     [("张翔刚", "PERSON"), ("1981年8月", "DATE"), ("1985年1月", "DATE"), ("中国共产党", "ORG"), ("思南中学", "ORG"),
      ("校长", "TITLE")], [("张翔刚", "校长", "思南中学")]),
    ("张伟毕业于北京大学，现为清华大学教授。", [("张伟", "PERSON"), ("北京大学", "ORG"), ("清华大学", "ORG"), ("教授", "TITLE")],
     [("张伟", "教授", "清华大学")]),
    ("张伟被选为中国足协主席。", [("张伟", "PERSON"), ("中国足协", "ORG"), ("主席", "TITLE")], [("张伟", "主席", "中国足协")]),
    ("张三辞去万科总裁职务", [("张三", "PERSON"), ("万科", "ORG"), ("总裁", "TITLE")], [("张三", "总裁", "万科")]),
    # ... not across a sentence, nor for a person who is not the copula's subject
    ("李强说张伟是好人。王明是校长。", [("李强", "PERSON"), ("张伟", "PERSON"), ("王明", "PERSON"), ("校长", "TITLE")],
     [("王明", "校长", None)]),
    # names set off by spaces, each followed by its post (lists, captions)
    ("——王石　万科企业股份有限公司董事长　　冯仑用他独特的经历",
     [("王石", "PERSON"), ("万科企业股份有限公司", "ORG"), ("董事长", "TITLE"), ("冯仑", "PERSON")],
     [("王石", "董事长", "万科企业股份有限公司")]),
    ("李思敏 广西科技大学校长", [("李思敏", "PERSON"), ("广西科技大学", "ORG"), ("校长", "TITLE")],
     [("李思敏", "校长", "广西科技大学")]),
    # 作为 [ORG] TITLE，PERSON
    ("作为远航集团有限公司董事长，陈旭荣爱岗敬业", [("远航集团有限公司", "ORG"), ("董事长", "TITLE"), ("陈旭荣", "PERSON")],
     [("陈旭荣", "董事长", "远航集团有限公司")]),
    ("作为公司董事长，他爱岗敬业。陈旭荣说", [("董事长", "TITLE"), ("陈旭荣", "PERSON")], []),
    # roles listed between the titles and the name, a colon before the name
    ("赛特斯公司董事长、创始人逯利军演讲", [("赛特斯公司", "ORG"), ("董事长", "TITLE"), ("逯利军", "PERSON")],
     [("逯利军", "董事长", "赛特斯公司")]),
    ("灌西盐场投资公司董事长、党委书记：王德志",
     [("灌西盐场投资公司", "ORG"), ("董事长", "TITLE"), ("党委书记", "TITLE"), ("王德志", "PERSON")],
     [("王德志", "董事长", "灌西盐场投资公司"), ("王德志", "党委书记", "灌西盐场投资公司")]),
    # official phrasing: 同志 after the name
    ("廖小平同志任中南林业科技大学党委副书记、校长", [("廖小平", "PERSON"), ("党委副书记", "TITLE"), ("校长", "TITLE")],
     [("廖小平", "党委副书记", "中南林业科技大学"), ("廖小平", "校长", "中南林业科技大学")]),
    ("免去曾明同志西南民族大学校长职务", [("曾明", "PERSON"), ("西南民族大学", "ORG"), ("校长", "TITLE")],
     [("曾明", "校长", "西南民族大学")]),
    # a biography's fields between the name and the post; prose there is no field
    ("周惠明，1944年生，江苏昆山人，大专学历，江苏AB集团有限责任公司董事长，中共党员",
     [("周惠明", "PERSON"), ("1944年", "DATE"), ("江苏", "GPE"), ("昆山", "GPE"), ("江苏AB集团有限责任公司", "ORG"),
      ("董事长", "TITLE")], [("周惠明", "董事长", "江苏AB集团有限责任公司")]),
    ("张伟，男，1965年生，喜欢武汉市副市长的讲话。", [("张伟", "PERSON"), ("武汉市", "GPE"), ("副市长", "TITLE")], []),
    ("张伟，男，1965年生，后来成为武汉市副市长。", [("张伟", "PERSON"), ("武汉市", "GPE"), ("副市长", "TITLE")],
     [("张伟", "副市长", "武汉市")]),
    # a caption: the name, then its post, at the start of a line
    ("童亚辉浙江省能源集团有限公司董事长他坚决贯彻", [("童亚辉", "PERSON"), ("浙江省能源集团有限公司", "ORG"), ("董事长", "TITLE")],
     [("童亚辉", "董事长", "浙江省能源集团有限公司")]),
    ("会见了童亚辉浙江省能源集团有限公司董事长李四", [("童亚辉", "PERSON"), ("浙江省能源集团有限公司", "ORG"),
                                              ("董事长", "TITLE"), ("李四", "PERSON")],
     [("李四", "董事长", "浙江省能源集团有限公司")]),
    # a surname alone holds no title (SPEC: optional); a state post after a party organ
    # does not take the party's name
    ("齐部长很关注这个事件。", [("齐", "PERSON"), ("部长", "TITLE")], []),
    ("中共中央总书记、国家主席江泽民", [("中共中央", "ORG"), ("总书记", "TITLE"), ("国家主席", "TITLE"), ("江泽民", "PERSON")],
     [("江泽民", "总书记", "中共中央"), ("江泽民", "国家主席", None)]),
    # 担任 … 的 PERSON: the person the clause describes; another subject in between; 分别
    ("李明会见了担任北京大学校长的张三。", [("李明", "PERSON"), ("北京大学", "ORG"), ("校长", "TITLE"), ("张三", "PERSON")],
     [("张三", "校长", "北京大学")]),
    ("王刚说，他的父亲曾任县长。", [("王刚", "PERSON"), ("县长", "TITLE")], []),
    ("张三和李四分别担任董事长和总经理。", [("张三", "PERSON"), ("李四", "PERSON"), ("董事长", "TITLE"), ("总经理", "TITLE")],
     [("张三", "董事长", None), ("李四", "总经理", None)]),
    ("张三和李四担任副总经理。", [("张三", "PERSON"), ("李四", "PERSON"), ("副总经理", "TITLE")],
     [("张三", "副总经理", None), ("李四", "副总经理", None)]),
    # a bracketed short form of the title; a list of one body's officers after a comma
    ("公司首席执行官（CEO）张勇表示", [("首席执行官", "TITLE"), ("CEO", "TITLE"), ("张勇", "PERSON")],
     [("张勇", "首席执行官", None), ("张勇", "CEO", None)]),
    ("清华大学党委书记陈旭，校长邱勇出席", [("清华大学", "ORG"), ("党委书记", "TITLE"), ("陈旭", "PERSON"),
                                  ("校长", "TITLE"), ("邱勇", "PERSON")],
     [("陈旭", "党委书记", "清华大学"), ("邱勇", "校长", "清华大学")]),
    # a user's handle holds no post
    ("//@大象院长：转发微博。", [("大象", "PERSON"), ("院长", "TITLE")], []),
    # a club referred to by 俱乐部
    ("武汉卓尔俱乐部召开发布会，聘请王小松担任俱乐部董事长",
     [("武汉卓尔俱乐部", "ORG"), ("王小松", "PERSON"), ("董事长", "TITLE")], [("王小松", "董事长", "武汉卓尔俱乐部")]),
    # a rank right after a name is that person's, also after titles before the name, and it
    # does not join the titles of the next person
    ("国防部长迟浩田上将，中国人民解放军副总参谋长吴铨叙中将等参加了会见。",
     [("国防部长", "TITLE"), ("迟浩田", "PERSON"), ("上将", "TITLE"), ("中国人民解放军", "ORG"),
      ("副总参谋长", "TITLE"), ("吴铨叙", "PERSON"), ("中将", "TITLE")],
     [("迟浩田", "国防部长", None), ("迟浩田", "上将", None), ("吴铨叙", "副总参谋长", "中国人民解放军"),
      ("吴铨叙", "中将", None)]),
    ("董事长张三总经理李四出席。", [("董事长", "TITLE"), ("张三", "PERSON"), ("总经理", "TITLE"), ("李四", "PERSON")],
     [("张三", "董事长", None), ("李四", "总经理", None)]),
    # 前/原 between the organisation and its title; a dateline's bracket ends the clause
    ("会见了以美国前国防部长威廉·佩里为团长的代表团",
     [("美国", "GPE"), ("国防部长", "TITLE"), ("威廉·佩里", "PERSON"), ("团长", "TITLE")],
     [("威廉·佩里", "国防部长", "美国"), ("威廉·佩里", "团长", None)]),
    ("新华社北京1月15日电（记者张荣典）国家副主席荣毅仁今天会见了客人。",
     [("新华社", "ORG"), ("北京", "GPE"), ("张荣典", "PERSON"), ("副主席", "TITLE"), ("荣毅仁", "PERSON")],
     [("荣毅仁", "副主席", None)]),
    # TITLE 是/为/由 PERSON ending the clause; PERSON 作为 TITLE; not 为 as "for"
    ("万科公司的董事长是王石。", [("万科公司", "ORG"), ("董事长", "TITLE"), ("王石", "PERSON")],
     [("王石", "董事长", "万科公司")]),
    ("该公司董事长为李明，总经理为张伟。", [("董事长", "TITLE"), ("李明", "PERSON"), ("总经理", "TITLE"), ("张伟", "PERSON")],
     [("李明", "董事长", None), ("张伟", "总经理", None)]),
    ("市长为李明颁发证书", [("市长", "TITLE"), ("李明", "PERSON")], []),
    # a short name defined in brackets: the org is the full name; an envoy whose sender is unnamed
    ("重庆小康工业集团股份有限公司(以下简称小康集团)创始人、董事长张兴海说",
     [("重庆小康工业集团股份有限公司", "ORG"), ("小康集团", "ORG"), ("董事长", "TITLE"), ("张兴海", "PERSON")],
     [("张兴海", "董事长", "重庆小康工业集团股份有限公司")]),
    ("为即将离任回国的我驻美大使李道豫送行", [("美", "GPE"), ("大使", "TITLE"), ("李道豫", "PERSON")],
     [("李道豫", "大使", None)]),
    # a role between an org and its title; a birth field right after the name
    ("张智勇，智豪刑事团队创始人及首席合伙人，毕业于西南政法大学",
     [("张智勇", "PERSON"), ("智豪刑事团队", "ORG"), ("首席合伙人", "TITLE"), ("西南政法大学", "ORG")],
     [("张智勇", "首席合伙人", "智豪刑事团队")]),
    ("陈松利1968年2月出生，副教授，内蒙古赤峰市人", [("陈松利", "PERSON"), ("副教授", "TITLE")],
     [("陈松利", "副教授", None)]),
    # a biography's posts after its fields stay the subject's when a later clause opens with 曾任
    ("邓宏乾，1964年出生，湖北松滋人，博士，教授，院长，曾任湖北省政协委员",
     [("邓宏乾", "PERSON"), ("1964年", "DATE"), ("湖北", "GPE"), ("松滋", "GPE"), ("教授", "TITLE"), ("院长", "TITLE"),
      ("湖北省政协", "ORG"), ("委员", "TITLE")],
     [("邓宏乾", "教授", None), ("邓宏乾", "院长", None), ("邓宏乾", "委员", "湖北省政协")]),
    ("张朝阳作为搜狐董事局主席出席", [("张朝阳", "PERSON"), ("搜狐", "ORG"), ("董事局主席", "TITLE")],
     [("张朝阳", "董事局主席", "搜狐")]),    # a list of officers: a title with no org of its own takes the last org named before it in
    # the list, across a person whose chain has none, and after 前/原
    ("美国副国务卿皮克林、总统顾问吉本斯、前国务卿基辛格等",
     [("美国", "GPE"), ("副国务卿", "TITLE"), ("皮克林", "PERSON"), ("总统顾问", "TITLE"), ("吉本斯", "PERSON"),
      ("国务卿", "TITLE"), ("基辛格", "PERSON")],
     [("皮克林", "副国务卿", "美国"), ("吉本斯", "总统顾问", "美国"), ("基辛格", "国务卿", "美国")]),    # 史书记 after 史增海, also where the surname was read as a one-character name
    # a professional grade is no post held in the organisation before it; 总工程师 is
    ("建行高级经济师孙兆东、总工程师李明", [("建行", "ORG"), ("高级经济师", "TITLE"), ("孙兆东", "PERSON"),
                                  ("总工程师", "TITLE"), ("李明", "PERSON")],
     [("李明", "总工程师", "建行")]),
    # a country's one-character short name before the title, not read as an entity, is its org
    ("与德国防部长吕厄和外长金克尔会谈", [("国防部长", "TITLE"), ("吕厄", "PERSON"), ("外长", "TITLE"), ("金克尔", "PERSON")],
     [("吕厄", "国防部长", "德"), ("金克尔", "外长", "德")]),
    ("我们向部长王强致敬", [("部长", "TITLE"), ("王强", "PERSON")], [("王强", "部长", None)]),
    # an aide of an officer (PERSON 的 TITLE PERSON) serves the officer's body
    ("会见了俄罗斯总统叶利钦的特使波苏瓦柳克", [("俄罗斯", "GPE"), ("总统", "TITLE"), ("叶利钦", "PERSON"),
                                     ("特使", "TITLE"), ("波苏瓦柳克", "PERSON")],
     [("叶利钦", "总统", "俄罗斯"), ("波苏瓦柳克", "特使", "俄罗斯")]),
    ("问题教练老雷德克纳普跳槽", [("教练", "TITLE"), ("雷德克纳普", "PERSON")], [("雷德克纳普", "教练", None)]),
    # a country's government post after a legislature's officer in the list is the country's
    ("会晤了法国总统希拉克、国民议会议长法比尤斯和外长韦德里纳",
     [("法国", "GPE"), ("总统", "TITLE"), ("希拉克", "PERSON"), ("国民议会", "ORG"), ("议长", "TITLE"),
      ("法比尤斯", "PERSON"), ("外长", "TITLE"), ("韦德里纳", "PERSON")],
     [("希拉克", "总统", "法国"), ("法比尤斯", "议长", "国民议会"), ("韦德里纳", "外长", "法国")]),
    # a title between two names opens the second one's chain: not the first one's
    ("廖静文、南师大副校长陈凌孚出席", [("廖静文", "PERSON"), ("南师大", "PERSON"), ("副校长", "TITLE"), ("陈凌孚", "PERSON")],
     [("陈凌孚", "副校长", None)]),
    ("史增海任职５年。百姓说：史书记为俺干了５年。",
     [("史增海", "PERSON"), ("史", "PERSON"), ("书记", "TITLE")], [("史增海", "书记", None)]),
]


@pytest.mark.parametrize("text,marked,expected", CASES)
def test_relations_person_title(text, marked, expected):
    got = person_titles(text, ents_of(text, marked))
    assert sorted((r["person"], r["title"], r["org"]) for r in got) == sorted(expected)


CITY_CASES = [
    # a place named as a place gives its province
    ("他在徐州工作了三年。", "徐州", [("徐州", "江苏省")]),
    # inside a work's title or a historical event's name it is part of another name: none
    ("电视剧《徐州往事》热播", "徐州", []),
    ("为了徐州会战的整个全局", "徐州", []),
    ("《人民日报》报道，徐州大雪", "徐州", [("徐州", "江苏省")]),
    # a quoted nickname of another place
    ("有“水上桂林”之称的攀牙湾", "桂林", []),
    ("哈尔滨素有“东方莫斯科”的美誉", "哈尔滨", [("哈尔滨", "江苏省")]),   # (the stub's province)
    # the host city inside an event's name, by its edition or year and its kind
    ("再次在第四届珠海国际航展上推出新机", "珠海", []),
    ("这里是2015郑州国际汽车后市场博览会的现场", "郑州", []),
    ("在珠海举办的航展上推出新机", "珠海", [("珠海", "江苏省")]),
    # a quoted honour
    ("被授予“肇庆市荣誉市民”称号", "肇庆市", []),
]


@pytest.mark.parametrize("text,city,expected", CITY_CASES)
def test_city_province_leaves_out_places_inside_other_names(text, city, expected):
    i = text.rindex(city)
    ents = [E(i, i + len(city), "GPE", city, "320300")]
    got = city_provinces(ents, lambda code: "江苏省", lambda code: True, text)
    assert [(r["city"], r["province"]) for r in got] == expected


def test_no_city_province_for_a_place_in_a_quoted_honour():
    from nlp import load
    doc = load()("先后荣获“襄城县劳动模范”、“许昌市十大优秀青年”等称号。他来自禹州市。")
    assert [r["city"] for r in doc._.relations["city_province"]] == ["禹州市"]


def test_no_city_province_for_cities_outside_the_official_division_codes():
    from nlp import load
    doc = load()("他出生于台北，后移居武汉。")
    assert [e.text for e in doc.ents if e.label_ == "GPE"] == ["台北", "武汉"]
    assert [r["city"] for r in doc._.relations["city_province"]] == ["武汉"]


def test_no_city_province_for_a_bare_place_inside_a_longer_name():
    text = "南京正大秋拍，南京市民到场。"
    place, city = E(0, 2, "GPE", "南京", "320100"), E(7, 10, "GPE", "南京市", "320100")
    args = (lambda code: "江苏省", lambda code: True, text)
    assert city_provinces([place], *args, model_orgs={(0, 4)}) == []   # 南京正大
    assert city_provinces([place], *args) == [{"city": "南京", "province": "江苏省"}]
    # written with its suffix it stays a place, and another mention still counts
    got = city_provinces([place, city], *args, model_orgs={(0, 4), (7, 12)})
    assert got == [{"city": "南京市", "province": "江苏省"}]


def test_no_city_province_for_a_place_right_after_a_foreign_country():
    text = "美国德州奥斯汀人，后来住在德州。"
    ents = [E(0, 2, "GPE", "美国", None), E(2, 4, "GPE", "德州", "371400"), E(13, 15, "GPE", "德州", "371400")]
    args = (lambda code: "山东省", lambda code: True, text)
    assert city_provinces(ents[:2], *args, foreign={"美国"}) == []
    assert city_provinces(ents[:2], *args) == [{"city": "德州", "province": "山东省"}]
    # another mention, not after the country, still counts (the text may mean both)
    assert city_provinces(ents, *args, foreign={"美国"}) == [{"city": "德州", "province": "山东省"}]


def test_city_province_of_a_company_name_but_not_of_a_venue():
    from nlp import load
    extractor = load()
    for text, cities in (("南京正大秋拍宫廷御制明代黄花梨交椅", []), ("济南钢铁于2000年12月29日在济南上市", ["济南"]),
                         ("长沙星域网吧", ["长沙"]), ("佛山万达影城", ["佛山"])):
        assert [r["city"] for r in extractor(text)._.relations["city_province"]] == cities, text


def test_no_city_province_for_a_place_in_a_users_handle():
    text = "我在南宁吃饭。@南宁巴黎婚纱[偷笑]"
    ents = [E(2, 4, "GPE", "南宁", "450100"), E(8, 10, "GPE", "南宁", "450100")]
    got = city_provinces(ents[1:], lambda code: "广西壮族自治区", lambda code: True, text)
    assert got == []
    got = city_provinces(ents, lambda code: "广西壮族自治区", lambda code: True, text)
    assert [(r["city"], r["province"]) for r in got] == [("南宁", "广西壮族自治区")]


# text, the places as (surface, value), expected pairs: the province the text states comes first
PROVINCE_CASES = [
    # no reading chosen (鼓楼区: two districts in 江苏), the province stated decides
    ("江苏鼓楼区", [("江苏", "320000"), ("鼓楼区", None)], [("鼓楼区", "江苏省")]),
    # a code read without the context (the model's 朝阳 -> 朝阳市, 辽宁) against the stated 吉林
    ("吉林长春朝阳", [("吉林", "220000"), ("长春", "220100"), ("朝阳", "211300")],
     [("长春", "吉林省"), ("朝阳", "吉林省")]),
    # a parent place decides when no province is named
    ("长春朝阳区", [("长春", "220100"), ("朝阳区", None)], [("长春", "吉林省"), ("朝阳区", "吉林省")]),
    # a code whose province the text names too is kept
    ("吉林省代表团参观北京朝阳区", [("吉林省", "220000"), ("北京", "110000"), ("朝阳区", "110105")],
     [("朝阳区", "北京市")]),
    # without any context: the code's province, or the one province all readings share, or
    # the municipality's when one of the readings is a district of a municipality
    ("朝阳区", [("朝阳区", None)], [("朝阳区", "北京市")]),
    ("市中区", [("市中区", None)], []),
    ("城区", [("城区", None)], []),
    # a city keeps its own province against a district of its name in a province named elsewhere,
    # not right before it (a list of cities: 西安 is 陕西's, not 吉林's 西安区)
    ("成都 西安 吉林", [("成都", "510100"), ("西安", "610100"), ("吉林", "220000")],
     [("成都", "四川省"), ("西安", "陕西省")]),
    # a county or district the gazetteer does not know (since renamed), right after its province
    # or prefecture: the province the text states; not an estate's or a zone's 区, not after a
    # county, not in Taiwan
    ("天津市蓟县邦均镇", [("天津市", "120000"), ("蓟县", None)], [("蓟县", "天津市")]),
    ("湖南省怀化市洪江区", [("湖南省", "430000"), ("怀化市", "431200"), ("洪江区", None)],
     [("怀化市", "湖南省"), ("洪江区", "湖南省")]),
    ("武汉市余家头小区", [("武汉市", "420100"), ("余家头小区", None)], [("武汉市", "湖北省")]),
    ("金川县观音桥区", [("金川县", "513226"), ("观音桥区", None)], [("金川县", "四川省")]),
    ("台湾省北屯区", [("台湾省", "710000"), ("北屯区", None)], []),
    # a historical place's modern location in brackets (今…) states its province, against a
    # homonym elsewhere (平阳 in 浙江) or when the gazetteer knows no such unit (蒲州)
    ("河东平阳（今山西临汾西南）人", [("平阳", "330326"), ("山西", "140000"), ("临汾", "141000")],
     [("平阳", "山西省"), ("临汾", "山西省")]),
    ("出为蒲州（今山西永济）别驾", [("蒲州", None), ("山西", "140000"), ("永济", "140881")],
     [("蒲州", "山西省"), ("永济", "山西省")]),
]


@pytest.mark.parametrize("text,places,expected", PROVINCE_CASES)
def test_city_province_takes_the_province_the_text_states(text, places, expected):
    from nlp.lexicon import gazetteer
    from nlp.pipeline.relations import _below_province, _readings

    ents, pos = [], 0
    for surface, code in places:
        i = text.index(surface, pos)
        ents.append(E(i, i + len(surface), "GPE", surface, code))
        pos = i + len(surface)
    got = city_provinces(ents, gazetteer.province_of, _below_province, text, _readings)
    assert [(r["city"], r["province"]) for r in got] == expected


def test_city_province_one_province_shared_by_every_reading():
    from nlp.lexicon import gazetteer
    from nlp.pipeline.relations import _below_province

    # 桥西区: 石家庄 and 张家口 (and 邢台), all in 河北
    got = city_provinces([E(0, 3, "GPE", "桥西区", None)], gazetteer.province_of, _below_province, "桥西区",
                         lambda name: ("130104", "130703"))
    assert [(r["city"], r["province"]) for r in got] == [("桥西区", "河北省")]


def test_a_biographys_list_of_posts_all_belong_to_its_subject():
    text = "顾军峰，男，现任启明中学校长，县政协委员、联谊会会员、全国优秀教育家、全国教育家协会常务理事、河北教育协会理事"
    ents = ents_of(text, [("顾军峰", "PERSON"), ("启明中学", "ORG"), ("校长", "TITLE"), ("县政协", "ORG"),
                          ("委员", "TITLE"), ("联谊会", "ORG"), ("全国教育家协会", "ORG"), ("常务理事", "TITLE"),
                          ("河北教育协会", "ORG"), ("理事", "TITLE")])
    got = {(r["person"], r["title"], r["org"]) for r in person_titles(text, ents)}
    assert got == {("顾军峰", "校长", "启明中学"), ("顾军峰", "委员", "县政协"),
                   ("顾军峰", "常务理事", "全国教育家协会"), ("顾军峰", "理事", "河北教育协会")}


def test_a_list_of_posts_stops_where_another_subject_comes():
    text = "张三现任甲公司董事长、乙协会理事，他的妻子是丙公司总经理"
    ents = ents_of(text, [("张三", "PERSON"), ("甲公司", "ORG"), ("董事长", "TITLE"), ("乙协会", "ORG"),
                          ("理事", "TITLE"), ("丙公司", "ORG"), ("总经理", "TITLE")])
    got = {(r["person"], r["title"], r["org"]) for r in person_titles(text, ents)}
    assert got == {("张三", "董事长", "甲公司"), ("张三", "理事", "乙协会")}


def test_a_biography_with_a_spouse_field_still_gives_its_subject_the_posts():
    text = "陆倩芳　女，1961年出生，陈卓林夫人，雅居乐地产控股有限公司董事局副主席、广州市房地产协会副会长"
    ents = ents_of(text, [("陆倩芳", "PERSON"), ("1961年", "DATE"), ("陈卓林", "PERSON"),
                          ("雅居乐地产控股有限公司", "ORG"), ("董事局副主席", "TITLE"), ("广州市房地产协会", "ORG"),
                          ("副会长", "TITLE")])
    got = {(r["person"], r["title"], r["org"]) for r in person_titles(text, ents)}
    assert got == {("陆倩芳", "董事局副主席", "雅居乐地产控股有限公司"), ("陆倩芳", "副会长", "广州市房地产协会")}


@pytest.mark.parametrize("text,marked,expected", [
    # after a comma, a title with an org of its own opens the next person's chain
    ("张三任甲公司董事长，乙公司总经理李四表示",
     [("张三", "PERSON"), ("甲公司", "ORG"), ("董事长", "TITLE"), ("乙公司", "ORG"), ("总经理", "TITLE"), ("李四", "PERSON")],
     {("张三", "董事长", "甲公司"), ("李四", "总经理", "乙公司")}),
    # ... without one the chain goes on
    ("青岛市委副书记，市长赵豪志", [("青岛市委", "ORG"), ("副书记", "TITLE"), ("市长", "TITLE"), ("赵豪志", "PERSON")],
     {("赵豪志", "副书记", "青岛市委"), ("赵豪志", "市长", "青岛市")}),
])
def test_a_comma_between_titles(text, marked, expected):
    got = {(r["person"], r["title"], r["org"]) for r in person_titles(text, ents_of(text, marked))}
    assert got == expected


def test_descriptions_between_the_titles_and_the_name():
    text = "清华大学教授、中国科学院学部委员、著名水利科学家钱宁先生"
    ents = ents_of(text, [("清华大学", "ORG"), ("教授", "TITLE"), ("中国科学院", "ORG"), ("学部委员", "TITLE"),
                          ("钱宁", "PERSON")])
    got = {(r["person"], r["title"], r["org"]) for r in person_titles(text, ents)}
    assert got == {("钱宁", "教授", "清华大学"), ("钱宁", "学部委员", "中国科学院")}


def test_a_degree_is_a_biography_field():
    text = "高仰光，男，法学博士，中国人民大学法学院讲师"
    ents = ents_of(text, [("高仰光", "PERSON"), ("中国人民大学法学院", "ORG"), ("讲师", "TITLE")])
    assert person_titles(text, ents) == [{"person": "高仰光", "title": "讲师", "org": "中国人民大学法学院"}]


def test_a_biography_with_a_birth_date_and_a_list_of_posts():
    text = "金敬姬，平壤人，出生于1946年5月30日，朝鲜劳动党中央政治局委员、中央书记局书记，朝鲜人民军大将"
    ents = ents_of(text, [("金敬姬", "PERSON"), ("平壤", "GPE"), ("1946年5月30日", "DATE"),
                          ("朝鲜劳动党中央政治局", "ORG"), ("委员", "TITLE"), ("中央书记局", "ORG"), ("书记", "TITLE"),
                          ("朝鲜人民军", "ORG"), ("大将", "TITLE")])
    got = {(r["person"], r["title"], r["org"]) for r in person_titles(text, ents)}
    assert got == {("金敬姬", "委员", "朝鲜劳动党中央政治局"), ("金敬姬", "书记", "中央书记局"),
                   ("金敬姬", "大将", "朝鲜人民军")}


def test_posts_after_xian_wei_are_the_subjects():
    text = "田中景生于内蒙古赤峰现为中国世界经济学会理事"
    ents = ents_of(text, [("田中景", "PERSON"), ("内蒙古", "GPE"), ("赤峰", "GPE"), ("中国世界经济学会", "ORG"),
                          ("理事", "TITLE")])
    assert person_titles(text, ents) == [{"person": "田中景", "title": "理事", "org": "中国世界经济学会"}]


def test_a_risky_alias_after_a_region_is_no_place():
    # 双城 is a district's short name and a common word; a region before it (成渝地区) is no parent
    from nlp import load
    doc = load()("根据协议，双方将共同推进成渝地区双城经济圈交通一体化，到2027年全省高速公路通车里程突破1.2万公里。")
    assert [(e.text, e.label_) for e in doc.ents if e.label_ in ("GPE", "LOC")] == [("成渝地区", "LOC")], \
        [(e.text, e.label_) for e in doc.ents]
    assert doc._.relations["city_province"] == []


def test_the_person_taken_over_from_is_not_the_new_holder():
    text = "陈德荣接替于勇出任中国宝武钢铁集团董事长。"
    es = [E(text.index(s), text.index(s) + len(s), label, s) for s, label in (
        ("陈德荣", "PERSON"), ("于勇", "PERSON"), ("中国宝武钢铁集团", "ORG"), ("董事长", "TITLE"))]
    assert [(p["person"], p["title"]) for p in person_titles(text, es)] == [("陈德荣", "董事长")]


def test_a_former_marker_stays_outside_the_organ(extractor):
    ents = {(e.text, e.label_) for e in extractor("省纪委监委对原省交通厅厅长赵某进行审查调查。").ents}
    assert ("省交通厅", "ORG") in ents


@pytest.mark.parametrize("text,expected", [
    ("中国常驻联合国代表傅聪在安理会发言。", ("傅聪", "代表", "中国")),        # the sending country, as an ambassador's
    ("沃尔沃汽车全球总裁吉姆·罗恩出席。", ("吉姆·罗恩", "总裁", "沃尔沃汽车")),  # 全球 is the post's scope
    ("被告人张某在担任某县交通局局长期间受贿。", ("张某", "局长", "某县交通局")),  # 在担任 is no part of the org
])
def test_more_holders_and_their_orgs(extractor, text, expected):
    pairs = {(p["person"], p["title"], p["org"]) for p in extractor(text)._.relations["person_title"]}
    assert expected in pairs


@pytest.mark.parametrize("text,expected", [
    # the next officer of the same body, after the first one's verb
    ("会议由市人大常委会主任王建国主持，副主任刘明、陈红出席。",
     {("王建国", "主任", "市人大常委会"), ("刘明", "副主任", "市人大常委会"), ("陈红", "副主任", "市人大常委会")}),
    # an appointment that goes on after a comma, in the same body
    ("大会选举王建为市人大常委会主任，李强为副主任。", {("王建", "主任", "市人大常委会"), ("李强", "副主任", "市人大常委会")}),
    ("大会选举王建为市长，李强、赵刚为副市长。", {("王建", "市长", None), ("李强", "副市长", None), ("赵刚", "副市长", None)}),
])
def test_officers_and_appointments_listed_one_after_another(extractor, text, expected):
    assert {(p["person"], p["title"], p["org"]) for p in extractor(text)._.relations["person_title"]} == expected


@pytest.mark.parametrize("text,expected", [
    ("雷山县召开推进会。县长龙再明主持会议。", ("龙再明", "县长", "雷山县")),      # the one county the text names
    ("宜昌市召开会议。市委副书记、市长马泽江主持。", ("马泽江", "市长", "宜昌市")),
    ("广西壮族自治区召开会议，自治区副主席许永锞出席。", ("许永锞", "副主席", "广西壮族自治区")),   # a bare level word
    ("武汉市和襄阳市签署协议，市长程用文出席。", ("程用文", "市长", None)),       # two cities: not said which
])
def test_a_division_head_holds_the_post_in_the_division_the_text_names(extractor, text, expected):
    assert expected in {(p["person"], p["title"], p["org"]) for p in extractor(text)._.relations["person_title"]}


def test_a_persons_name_found_once_is_found_again(extractor):
    text = "美国总统拜登表示，双方应加强合作。当天，美国总统拜登在白宫发表讲话。"
    assert [e.start_char for e in extractor(text).ents if e.text == "拜登" and e.label_ == "PERSON"] == [4, 24]


@pytest.mark.parametrize("text,expected", [
    ("外交部部长助理华春莹、驻德国大使吴恳等陪同。", ("吴恳", "大使", None)),      # an envoy: the sender is unnamed
    ("中共中央政治局委员、外交部长王毅出席。", ("王毅", "外交部长", None)),         # a post that names its own organ
    ("陆军第七十三集团军某旅政委刘杰说。", ("刘杰", "政委", "陆军第七十三集团军")),
])
def test_a_title_takes_no_org_from_an_unrelated_body_before_it(extractor, text, expected):
    assert expected in {(p["person"], p["title"], p["org"]) for p in extractor(text)._.relations["person_title"]}


@pytest.mark.parametrize("text,expected", [
    ("张华、王敏两位院士分别作了主旨报告。", {("张华", "院士", None), ("王敏", "院士", None)}),   # counted holders
    ("贵州茅台（600519）公告，公司董事会秘书刘刚辞职。", {("刘刚", "董事会秘书", "贵州茅台")}),  # 公司: the listed company
    ("宁德时代（300750.SZ）副董事长黄世霖减持公司股份。", {("黄世霖", "副董事长", "宁德时代")}),
])
def test_listed_companies_and_counted_holders(extractor, text, expected):
    assert {(p["person"], p["title"], p["org"]) for p in extractor(text)._.relations["person_title"]} == expected


@pytest.mark.parametrize("text,pair", [
    ("紫金矿业董事长陈景河在福建上杭县与县长张大伟座谈。", ("张大伟", "县长", "上杭县")),
    ("格力电器董事长董明珠在珠海会见了副市长张宇航。", ("张宇航", "副市长", "珠海")),
])
def test_a_division_head_after_a_company_and_a_division_holds_the_divisions_post(extractor, text, pair):
    """The clause's company is not the body of a 县长 when the county stands between them."""
    pairs = [(r["person"], r["title"], r["org"]) for r in extractor(text)._.relations["person_title"]]
    assert pair in pairs


@pytest.mark.parametrize("text,holder,alias", [
    ("李四光，原名李仲揆，湖北黄冈人，中国地质力学的创立者，曾任中国科学院副院长。", "李四光", "李仲揆"),
    ("蔡元培，字鹤卿，浙江绍兴人，曾任北京大学校长。", "蔡元培", "鹤卿"),
])
def test_a_subjects_other_name_holds_no_post(extractor, text, holder, alias):
    """A biography's 原名/字 names the subject again: the post is the subject's."""
    persons = {r["person"] for r in extractor(text)._.relations["person_title"]}
    assert holder in persons and alias not in persons


@pytest.mark.parametrize("text,pair", [
    ("张某，江苏萧县人，清末秀才。", ("萧县", "江苏省")),          # 萧县 was Jiangsu's until 1955
    ("蔡元培，浙江绍兴山阴县人。", ("山阴县", "浙江省")),        # the old county of 绍兴, not 山西's
    ("湖南长沙岳麓区", ("岳麓区", "湖南省")),
])
def test_the_province_written_before_a_place_is_its_province(extractor, text, pair):
    """SPEC: where the text states the province, that province, whatever today's gazetteer says."""
    assert pair in [(r["city"], r["province"]) for r in extractor(text)._.relations["city_province"]]


@pytest.mark.parametrize("text,pairs", [
    ("太仓、常熟、张家港也都进入前十。", {("太仓", "江苏省"), ("常熟", "江苏省"), ("张家港", "江苏省")}),
    ("广东河源的和平、连平两县遭遇洪灾。", {("和平", "广东省"), ("连平", "广东省")}),
    ("监利、洪湖等地也加快发展稻虾共作。", {("监利", "湖北省"), ("洪湖", "湖北省")}),   # the city, not the lake
])
def test_divisions_listed_beside_a_sibling_are_places(extractor, text, pairs):
    """A short name that is also a word (常熟, 和平) or a lake (洪湖) is the county when it is
    listed beside a county of the same prefecture."""
    assert pairs <= {(r["city"], r["province"]) for r in extractor(text)._.relations["city_province"]}


def test_a_word_listed_beside_a_place_of_another_prefecture_stays_a_word(extractor):
    assert ("和平", "广东省") not in [(r["city"], r["province"]) for r in
                                     extractor("北京、和平与发展是主题。")._.relations["city_province"]]


@pytest.mark.parametrize("text,city", [
    ("成都天府国际机场今年旅客吞吐量预计突破4000万人次。", "成都"),
    ("广州白云国际机场航班恢复。", "广州"),
])
def test_a_city_inside_an_airports_name_gets_no_pair(extractor, text, city):
    """SPEC: a place name inside a facility's name is no GPE of its own."""
    assert city not in [r["city"] for r in extractor(text)._.relations["city_province"]]


def test_a_city_before_a_verb_and_an_airport_is_a_place(extractor):
    assert "成都" in [r["city"] for r in extractor("成都将新建国际机场。")._.relations["city_province"]]


def test_an_aide_does_not_hold_the_post_it_serves(extractor):
    """联合国秘书长发言人X: X is the spokesman, not the Secretary-General."""
    pairs = [(r["person"], r["title"]) for r in
             extractor("联合国秘书长发言人斯特凡纳·迪雅里克当天在例行记者会上说。")._.relations["person_title"]]
    assert ("斯特凡纳·迪雅里克", "发言人") in pairs and ("斯特凡纳·迪雅里克", "秘书长") not in pairs


def test_a_rank_in_brackets_after_a_name_is_the_persons(extractor):
    pairs = [(r["person"], r["title"]) for r in
             extractor("武警洛阳支队参谋长张建军（上校）介绍了此次演练的情况。")._.relations["person_title"]]
    assert ("张建军", "上校") in pairs and ("张建军", "参谋长") in pairs


@pytest.mark.parametrize("text,pair", [
    ("山东滨州医学院附属医院（滨医附院）副院长王德祥介绍。", ("王德祥", "副院长", "滨州医学院附属医院")),
    ("他目前是法国国家科学研究中心（CNRS）名誉主任。", None),
])
def test_a_bracketed_short_name_after_a_full_one_gives_the_full_one(extractor, text, pair):
    """SPEC's org is the organisation's name; a short name in brackets glosses it."""
    rels = extractor(text)._.relations["person_title"]
    if pair:
        assert pair in [(r["person"], r["title"], r["org"]) for r in rels]
    assert all(r["org"] not in ("滨医附院", "CNRS") for r in rels)


@pytest.mark.parametrize("text,pair", [
    ("陈永康，男，浙江永康人，1972年生，高级工程师，现任金华市交通运输局局长。", ("陈永康", "局长", "金华市交通运输局")),
    ("屠呦呦，女，1930年生于浙江宁波，药学家，中国中医科学院首席科学家。", ("屠呦呦", "首席科学家", "中国中医科学院")),
])
def test_a_grade_or_a_calling_among_biography_fields(extractor, text, pair):
    assert pair in [(r["person"], r["title"], r["org"]) for r in extractor(text)._.relations["person_title"]]


def test_posts_set_off_after_a_person_with_a_post_before(extractor):
    pairs = [(r["person"], r["title"]) for r in
             extractor("复旦大学附属中山医院院长樊嘉，中国科学院院士。")._.relations["person_title"]]
    assert ("樊嘉", "院长") in pairs and ("樊嘉", "院士") in pairs
    pairs = [(r["person"], r["title"]) for r in extractor("市委书记张三，市长李四出席。")._.relations["person_title"]]
    assert ("张三", "市长") not in pairs


@pytest.mark.parametrize("text,pair", [
    ("潘建伟，1970年3月出生于浙江东阳，量子物理学家，中国科学院院士，中国科学技术大学常务副校长。",
     ("潘建伟", "常务副校长", "中国科学技术大学")),
    ("郎平，1960年12月10日出生于天津市，祖籍山东省滨州市，原中国女排主教练。", ("郎平", "主教练", "中国女排")),
])
def test_longer_biography_fields_before_the_post(extractor, text, pair):
    assert pair in [(r["person"], r["title"], r["org"]) for r in extractor(text)._.relations["person_title"]]


@pytest.mark.parametrize("text,pair", [
    ("临沂市兰山区区委书记韩峰、区长张浩然带队观摩了全区重点项目。", ("张浩然", "区长", "兰山区")),
    ("桂林市临桂区委书记唐宗耀，区委副书记、区长秦铁鹰陪同调研。", ("秦铁鹰", "区长", "临桂区")),
])
def test_a_division_head_takes_the_division_whose_organ_the_text_names(extractor, text, pair):
    assert pair in [(r["person"], r["title"], r["org"]) for r in extractor(text)._.relations["person_title"]]


@pytest.mark.parametrize("text,pair", [
    ("清远市委副书记、政法委书记梁兴文，副市长、公安局局长谭林出席会议。", ("谭林", "副市长", "清远市")),
    ("市政协副主席王强，副市长赵敏参加调研。", ("赵敏", "副市长", None)),
])
def test_a_division_heads_post_in_a_list_of_officers_is_not_the_previous_body(extractor, text, pair):
    assert pair in [(r["person"], r["title"], r["org"]) for r in extractor(text)._.relations["person_title"]]


@pytest.mark.parametrize("text,city", [
    ("州长杨元忠在康乐县主持召开专题会议。", "康乐县"),          # 县|主持, not the title 县主
    ("时任阜阳地委书记的王怀忠在颍上县主持召开现场会。", "颍上县"),
])
def test_a_county_before_a_word_opening_with_its_suffixs_next_character(extractor, text, city):
    assert city in [r["city"] for r in extractor(text)._.relations["city_province"]]


def test_a_subjects_parent_holds_no_post(extractor):
    persons = {r["person"] for r in extractor("梁思成，梁启超之子，广东新会人，曾任清华大学建筑系主任。")._.relations["person_title"]}
    assert persons == {"梁思成"}


@pytest.mark.parametrize("text,pair", [
    ("刘强东，京东集团创始人、董事局主席。", ("刘强东", "董事局主席", "京东集团")),
    ("雷军，1969年12月出生于湖北省仙桃市，小米科技创始人、董事长。", ("雷军", "董事长", "小米科技")),
])
def test_a_founder_is_no_native_place_field(extractor, text, pair):
    """X创始人 ends in 人 like a native place (湖北应城人), but it is a role: the body stays the post's."""
    assert pair in [(r["person"], r["title"], r["org"]) for r in extractor(text)._.relations["person_title"]]


@pytest.mark.parametrize("text", ["宏村始建于南宋绍兴年间。", "东汉永平元年，佛教传入。"])
def test_a_reigns_era_name_is_no_place(extractor, text):
    assert not extractor(text)._.relations["city_province"]


def test_a_place_after_a_dynasty_without_a_year_is_a_place(extractor):
    assert ("绍兴", "浙江省") in [(r["city"], r["province"]) for r in extractor("南宋绍兴人")._.relations["city_province"]]


@pytest.mark.parametrize("text,pair", [
    ("从广州到中山的高速正式通车。", ("中山", "广东省")),
    ("珠海至中山的城轨恢复运营。", ("中山", "广东省")),
])
def test_the_other_end_of_a_route_from_a_place(extractor, text, pair):
    """A short name that is also a word (中山) is a place at the end of a route from a place of its province."""
    assert pair in [(r["city"], r["province"]) for r in extractor(text)._.relations["city_province"]]


@pytest.mark.parametrize("text,person,wrong", [
    ("新华社贝尔格莱德１月２８日电　南斯拉夫联盟总统米洛舍维奇今天会见了中国客人。", "米洛舍维奇", "新华社"),
    ("国务院副总理钱其琛今天会见了以总理梅耶为首的南斯拉夫联盟政府代表团。", "梅耶", "国务院"),
    ("南昌市西湖区区长李勇与华润置地华中大区总经理张波签署合作协议。", "张波", "西湖区"),
    ("苏州市吴中区招商服务中心主任沈建明与东方盛虹董事长缪汉根签约。", "缪汉根", "吴中区招商服务中心"),
])
def test_a_title_takes_no_body_from_a_dateline_a_host_or_the_other_party(extractor, text, person, wrong):
    orgs = {r["org"] for r in extractor(text)._.relations["person_title"] if r["person"] == person}
    assert orgs and wrong not in orgs


@pytest.mark.parametrize("text,city", [("太原市小店区长风街发生火灾", "小店区"), ("南宁市青秀区长堽路", "青秀区")])
def test_a_district_before_a_road_opening_with_long(extractor, text, city):
    """区|长风街: a road after the district, not the title 区长."""
    assert city in [r["city"] for r in extractor(text)._.relations["city_province"]]


@pytest.mark.parametrize("text", ["拆开封条后发现少了一件。", "商品未开封可以退货。"])
def test_a_verb_that_names_a_city_is_no_place(extractor, text):
    assert not extractor(text)._.relations["city_province"]


def test_places_listed_with_spaces_are_no_address_chain(extractor):
    cities = [r["city"] for r in extractor("镇江 扬州 无锡 绍兴 慈溪 台州 海宁 嘉兴 诸暨 萧山 常州")._.relations["city_province"]]
    assert {"台州", "嘉兴", "萧山", "常州"} <= set(cities)
    cities = [r["city"] for r in extractor("浙江省 杭州市 西湖区 苏州花园3栋")._.relations["city_province"]]
    assert "苏州" not in cities      # an address: the estate's name after the chain
