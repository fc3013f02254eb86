<#import "/lib.ftl" as md>
## ${pack.title} - ${pack.period.label}

<@md.body/>
