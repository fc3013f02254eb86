<#import "/lib.ftl" as md>
## ${pack.title} - ${pack.calendar.month} ${pack.calendar.year}

<@md.body/>
