"""English for the interface's Arabic msgids, and Arabic's six plural forms for the
counted nouns: `manage.py compile_translations` writes them into the .po files (kept
in sync with `makemessages`) and compiles the .mo files, in pure Python."""
EN = {
    "%(name)s وما يتبعه": "%(name)s and everything in it",
    "الأحدث أولاً": "Newest first", "الأقدم أولاً": "Oldest first",
    "الأكثر قتلى": "Most killed", "الأقل قتلى": "Fewest killed",
    "الأكثر جرحى": "Most wounded", "الأقل جرحى": "Fewest wounded",
    "يحتاج مراجعة": "Needs review", "تمت مراجعته": "Reviewed", "لم يراجع": "Not reviewed",
    "مرفوض": "Rejected", "الأكثر صلة": "Most relevant", "الأحدث": "Newest",
    "الأقدم": "Oldest", "بحث في نص المقالات": "Search the articles' text", "الجهة": "Actor",
    "المكان": "Place", "نوع الحدث": "Event type", "من تاريخ": "From date",
    "إلى تاريخ": "To date", "المصدر": "Outlet", "المراجعة": "Review", "الكل": "All",
    "الترتيب": "Order", "ابحث": "Search", "نُشر من": "Published from",
    "نُشر حتى": "Published until", "دولة": "Country", "محافظة": "Governorate",
    "قضاء / منطقة": "District", "ناحية": "Subdistrict", "مدينة": "City", "قرية": "Village",
    "منطقة": "Area", "قوات حكومية": "State forces", "جماعة مسلحة": "Armed group",
    "تحالف": "Coalition", "ميليشيا": "Militia", "أخرى": "Other", "قيد التنفيذ": "Running",
    "اكتمل": "Done", "توقف": "Interrupted", "فشل": "Failed", "غارة جوية": "Airstrike",
    "قصف": "Shelling", "تفجير": "Explosion", "اشتباك مسلح": "Armed clash",
    "هجوم": "Attack", "سيطرة على أرض": "Territory taken", "اعتقال": "Arrest",
    "احتجاج": "Protest", "يوم": "Day", "شهر": "Month", "سنة": "Year",
    "تاريخ النشر": "Publication date", "غير معروف": "Unknown", "المبادر": "Initiator",
    "المستهدف": "Target", "مصدر واحد": "Single source",
    "مؤكد من أكثر من مصدر": "Corroborated by several outlets",
    "روايات متعارضة": "Conflicting accounts", "حدث": "Event", "حادثة": "Incident",
    "آخر 30 يوماً": "Last 30 days", "آخر 12 شهراً": "Last 12 months",
    "هذا العام": "This year", "العام الماضي": "Last year", "Home": "Home",
    "كل حوادثها في الجدول ←": "All its incidents in the table →",
    "الأحداث عبر الزمن": "Events over time", "آخر التقارير": "Latest reports",
    "الأماكن": "Places", "جهات ترد معها": "Actors named with it",
    "المصدر الأصلي": "Original source", "دليل حدث": "Event evidence", "جهة": "Actor",
    "مكان": "Place", "الأحداث": "Events", "⬇ تصدير CSV": "⬇ Export CSV",
    "الوحدة:": "Unit:", "الحوادث": "Incidents", "التقارير الفردية": "Single reports",
    "المعايير والتصفية": "Criteria and filters", "الجهات": "Actors", "المصادر": "Outlets",
    "رتّب حسب:": "Sort by:", "التاريخ ↓": "Date ↓", "التاريخ ↑": "Date ↑",
    "القتلى": "Killed", "الجرحى": "Wounded",
    "صحّح المعايير المشار إليها أعلاه لعرض النتائج.":
        "Correct the criteria marked above to see results.",
    "الرئيسية": "Home", "مرصد": "Marsad",
    ("أرشيف عربي للأخبار عن النزاعات، وما ترويه من أحداث: من قاتل من، وأين، ومتى، "
     "وكم سقط من ضحايا."):
        "An archive of Arabic news about conflict and the events it reports: who fought "
        "whom, where, when, and how many were killed or wounded.",
    "ابحث عن مكان أو جهة أو حدث… مثلاً: كركوك":
        "Search for a place, an actor or an event… e.g. كركوك",
    "ابحث في الأرشيف": "Search the archive", "أرقام الأرشيف": "The archive in figures",
    "مقالة": "Article", "قتيلاً (مرة لكل حادثة)": "killed (once per incident)",
    "جريحاً (مرة لكل حادثة)": "wounded (once per incident)",
    "آخر الحوادث": "Latest incidents", "كل الحوادث ←": "All incidents →",
    "كل التقارير ←": "All reports →", "الجهات الأكثر حضوراً": "Most present actors",
    "لا شيء بعد.": "Nothing yet.", "الأماكن الأكثر حوادث": "Places with most incidents",
    "(تاريخ النشر، لم تذكر التقارير اليوم)":
        "(publication date: the reports do not give the day)",
    "تاريخ غير معروف": "Date unknown", "راجعها محرر": "Reviewed by an editor",
    "التقارير": "Reports", "أول وآخر تقرير": "First and last report",
    "الأطراف": "Actors", "النشر": "Published", "التاريخ": "Date", "النوع": "Type",
    "الدليل": "Evidence", "ضد": "against", "(أفضل تقدير لكل حادثة)":
        "(best estimate per incident)",
    "المعايير المطبقة": "Active criteria", "إزالة": "Remove", "مسح الكل": "Clear all",
    "تعذّر تطبيق بعض المعايير:": "Some criteria could not be applied:",
    "الثقة": "Confidence", "(تقريبي)": "(approximate)",
    "لا توجد أحداث تطابق هذه المعايير.": "No events match these criteria.",
    "اكتب اسم جهة…": "Type an actor's name…", "المكان (وما يتبعه)": "Place (and all inside)",
    "اكتب اسم بلدة أو محافظة…": "Type a town or governorate…", "من": "from", "إلى": "to",
    "تطبيق": "Apply", "(تاريخ النشر)": "(publication date)",
    "لا توجد حوادث تطابق هذه المعايير.": "No incidents match these criteria.",
    "الصفحات": "Pages", "→ السابق": "← Previous", "التالي ←": "Next →",
    "مراجعة": "Review", "تأكيد": "Confirm", "رفض": "Reject", "تصحيح": "Correct",
    "عدد الأحداث في كل فترة": "Events in each period", "لا أحداث مؤرخة.": "No dated events.",
    "التسلسل": "Breadcrumbs", "فيه وفيما يتبعه": "in it and everywhere inside it",
    "كل حوادثه في الجدول ←": "All its incidents in the table →",
    "الجهات الفاعلة هنا": "Actors here", "أماكن يضمها": "Places inside it",
    "⬇ تصدير أحداثها CSV": "⬇ Export its events as CSV", "الأقسام": "Sections",
    "المقالات": "Articles", "ابحث في الأرشيف…": "Search the archive…", "بحث": "Search",
    ("مرصد — أرشيف الأخبار العربية عن النزاعات والأحداث التي ترويها. "
     "الأرقام كما وردت في المصادر."):
        "Marsad — an archive of Arabic news about conflict and the events it reports. "
        "Figures as the sources gave them.",
    "واجهة JSON:": "JSON API:", "بالمعايير نفسها": "same criteria",
    "مقالات مطابقة": "Matching articles",
    "نتائج البحث عن «%(query)s»": "Results for “%(query)s”",
    "جهات وأماكن مطابقة": "Matching actors and places",
    "معايير الجدول المحمولة (تبقى في روابط الجدول):":
        "Table criteria carried here (kept by the links to the table):",
    "تأكيد الحادثة وتقاريرها": "Confirm the incident and its reports",
    "رفض الحادثة (تبقى تقاريرها محفوظة)": "Reject the incident (its reports are kept)",
}
EN_PLURALS = {
    "%(n)s event": ("%(n)s event", "%(n)s events"),
    "%(n)s incident": ("%(n)s incident", "%(n)s incidents"),
    "%(n)s report": ("%(n)s report", "%(n)s reports"),
    "%(n)s killed": ("%(n)s killed", "%(n)s killed"),
    "%(n)s wounded": ("%(n)s wounded", "%(n)s wounded"),
    "%(n)s article": ("%(n)s article", "%(n)s articles"),
    "%(n)s outlet": ("%(n)s outlet", "%(n)s outlets"),
}
# Forms: 0, 1, 2, 3–10, 11–99, 100+ (and their hundreds), per the header below.
AR_PLURAL_FORMS = ("nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : "
                   "n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5;")
AR_PLURALS = {
    "%(n)s event": ("لا أحداث", "حدث واحد", "حدثان", "%(n)s أحداث", "%(n)s حدثاً",
                    "%(n)s حدث"),
    "%(n)s incident": ("لا حوادث", "حادثة واحدة", "حادثتان", "%(n)s حوادث", "%(n)s حادثة",
                       "%(n)s حادثة"),
    "%(n)s report": ("لا تقارير", "تقرير واحد", "تقريران", "%(n)s تقارير", "%(n)s تقريراً",
                     "%(n)s تقرير"),
    "%(n)s killed": ("لا قتلى", "قتيل واحد", "قتيلان", "%(n)s قتلى", "%(n)s قتيلاً",
                     "%(n)s قتيل"),
    "%(n)s wounded": ("لا جرحى", "جريح واحد", "جريحان", "%(n)s جرحى", "%(n)s جريحاً",
                      "%(n)s جريح"),
    "%(n)s article": ("لا مقالات", "مقالة واحدة", "مقالتان", "%(n)s مقالات", "%(n)s مقالة",
                      "%(n)s مقالة"),
    "%(n)s outlet": ("لا مصادر", "مصدر واحد", "مصدران", "%(n)s مصادر", "%(n)s مصدراً",
                     "%(n)s مصدر"),
}
